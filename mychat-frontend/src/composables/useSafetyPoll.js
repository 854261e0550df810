/**
 * A slow timer that re-checks the cursor while the WebSocket is live: the push layer is
 * at-most-once (a last push can be lost) and a socket can be half-open, looking live forever.
 */
export function useSafetyPoll(check, interval) {
  let timer = null
  let active = false

  function arm() {
    clearTimeout(timer)
    timer = active ? setTimeout(run, interval) : null
  }

  async function run() {
    timer = null
    await check()
    if (active && !timer) arm()
  }

  return {
    /** (Re)starts the countdown; a check is due `interval` ms from now. */
    start() {
      active = true
      arm()
    },
    stop() {
      active = false
      arm()
    },
  }
}
