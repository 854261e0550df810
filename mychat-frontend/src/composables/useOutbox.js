/**
 * Messages on their way out: each gets an Idempotency-Key once, is shown as pending
 * until the server has it, and is retried (with the same key) on its own timer with backoff.
 */
import { ref } from 'vue'
import { ApiError, newIdempotencyKey } from '../api/client.js'

const FATAL_STATUSES = [401, 403, 404] // the transport stops: retrying will not help
const RETRIED_STATUSES = [408, 429] // client errors worth another try

/** Errors that a retry will not fix (bad text, too long, ...). */
const isRejected = (error) =>
  error instanceof ApiError && error.status >= 400 && error.status < 500 && !RETRIED_STATUSES.includes(error.status)

/**
 * @param deliver async (text, key) => message: posts one message.
 * @param onDelivered (message) => void: the stored message, to merge into the chat.
 * @param onFailure (error) => void: a network error or a 401/403/404, for the transport to act on.
 *   A busy server (429, 5xx) is not a broken connection: it is only waited out here.
 * @param retryBase, maxRetryDelay: the retry backoff, min(retryBase * 2^n, maxRetryDelay) ms.
 */
export function useOutbox({ deliver, onDelivered, onFailure, retryBase = 1000, maxRetryDelay = 30000 }) {
  const pending = ref([]) // {key, text, state: 'sending' | 'pending' | 'failed', error}
  let flushing = false
  let flushAgain = false
  let retryTimer = null
  let retries = 0 // failed attempts in a row; the backoff exponent
  let serverAskedToWait = false // a 429/5xx: only the retry timer sends again, not a good poll
  let active = true

  function scheduleRetry(error) {
    clearTimeout(retryTimer)
    retryTimer = null
    if (!active) return
    const backoff = Math.min(retryBase * 2 ** retries, maxRetryDelay)
    retries += 1
    const delay = error instanceof ApiError && error.retryAfter !== null ? error.retryAfter : backoff
    retryTimer = setTimeout(() => {
      retryTimer = null
      serverAskedToWait = false
      flush()
    }, delay)
  }

  function delivered(entry, message) {
    retries = 0
    clearTimeout(retryTimer)
    retryTimer = null
    pending.value = pending.value.filter((p) => p.key !== entry.key)
    onDelivered(message)
  }

  async function flushOnce() {
    for (const entry of pending.value) {
      if (entry.state === 'failed') continue
      entry.state = 'sending'
      try {
        delivered(entry, await deliver(entry.text, entry.key))
      } catch (error) {
        const fatal = error instanceof ApiError && FATAL_STATUSES.includes(error.status)
        if (isRejected(error) && !fatal) {
          entry.state = 'failed'
          entry.error = error.message
          continue
        }
        // Kept in order: this one and everything behind it wait for the retry.
        for (const waiting of pending.value) if (waiting.state === 'sending') waiting.state = 'pending'
        if (fatal || !(error instanceof ApiError)) onFailure(error)
        if (!fatal) {
          serverAskedToWait = error instanceof ApiError
          scheduleRetry(error)
        }
        return false
      }
    }
    return true
  }

  /** Sends everything queued, in order; stops at the first failure that a retry may fix. */
  async function flush() {
    if (serverAskedToWait) return // the retry timer honours the server's wait
    if (flushing) {
      flushAgain = true
      return
    }
    flushing = true
    try {
      do {
        flushAgain = false
        if (!(await flushOnce())) return
      } while (flushAgain)
    } finally {
      flushing = false
    }
  }

  function enqueue(text) {
    pending.value.push({
      key: newIdempotencyKey(),
      text,
      state: serverAskedToWait ? 'pending' : 'sending',
      error: null,
    })
    return flush()
  }

  function discard(key) {
    pending.value = pending.value.filter((p) => p.key !== key)
  }

  /** Lets the outbox retry again (after stop()). */
  function start() {
    active = true
  }

  /** No more retries: the chat is closed. */
  function stop() {
    active = false
    clearTimeout(retryTimer)
    retryTimer = null
    serverAskedToWait = false
  }

  return { pending, enqueue, flush, discard, start, stop }
}
