/** Exponential backoff, written once: the wait after failures in a row, and a counter that keeps them. */

/**
 * The wait after `failures` failures in a row: `base` after the first, twice as long after each next one, at most `max`.
 * @param {number} base ms
 * @param {number} failures 1 or more
 * @param {number} max ms
 */
export function backoffDelay(base, failures, max) {
  return Math.min(base * 2 ** Math.max(0, failures - 1), max)
}

/**
 * Counts failures in a row: `fail()` counts one and says how long to wait before the next try; `reset()` after a success.
 * @param {{base: number, max: number}} options ms, as for backoffDelay
 */
export function useBackoff({ base, max }) {
  let failures = 0
  return {
    /** Failures in a row since the last success. */
    get failures() {
      return failures
    },
    /** Counts a failure; returns the wait (ms) before the next try. */
    fail() {
      failures += 1
      return backoffDelay(base, failures, max)
    },
    /** The wait after the failures counted so far; 0 when there are none. */
    delay() {
      return failures ? backoffDelay(base, failures, max) : 0
    },
    reset() {
      failures = 0
    },
  }
}
