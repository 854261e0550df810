/** A poll on a timer: runs `poll`, then waits `nextDelay()` before the next one, for as long as `canRun()` says. */

/**
 * @param {() => Promise<unknown>} poll
 * @param {{nextDelay: () => number, canRun: () => boolean}} options
 */
export function usePollLoop(poll, { nextDelay, canRun }) {
  /** @type {ReturnType<typeof setTimeout> | null} */
  let timer = null

  function stop() {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  /** Polls `delay` ms from now instead of when it was due (0: now); nothing while it cannot run. */
  function schedule(delay = 0) {
    stop()
    if (canRun()) timer = setTimeout(run, delay)
  }

  async function run() {
    timer = null
    await poll()
    schedule(nextDelay())
  }

  return { schedule, stop }
}
