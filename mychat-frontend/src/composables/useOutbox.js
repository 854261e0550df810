/**
 * Messages on their way out: each gets an Idempotency-Key once, is shown as pending
 * until the server has it, and is retried (with the same key) on its own timer with backoff.
 */
import { ref } from 'vue'
import { ApiError, newIdempotencyKey } from '../api/client.js'
import { useBackoff } from './useBackoff.js'

const FATAL_STATUSES = [401, 403, 404] // the transport stops: retrying will not help
const RETRIED_STATUSES = [408, 429] // client errors worth another try

/**
 * Errors that a retry will not fix (bad text, too long, ...).
 * @param {unknown} error
 * @returns {boolean}
 */
const isRejected = (error) =>
  error instanceof ApiError && error.status >= 400 && error.status < 500 && !RETRIED_STATUSES.includes(error.status)

/**
 * A message on its way out.
 * @typedef {object} PendingMessage
 * @property {string} key its Idempotency-Key
 * @property {string} text
 * @property {number | null} replyTo the seq of the message it answers
 * @property {number[]} attachments ids of uploads sent with it
 * @property {string | null} followUp sent as a reply to it once the server has it (`/kb add` for the bot)
 * @property {'sending' | 'pending' | 'failed'} state
 * @property {string | null} error why the server refused it (when failed)
 */

/**
 * A busy server (429, 5xx) is not a broken connection: it is only waited out here.
 * @param {object} options
 * @param {(entry: PendingMessage) => Promise<import('../api/types.js').Message>} options.deliver posts one message
 * @param {(message: import('../api/types.js').Message) => void} options.onDelivered the stored message, to merge into the chat
 * @param {(error: unknown) => void} options.onFailure a network error or a 401/403/404, for the transport to act on
 * @param {number} [options.retryBase] ms before the first retry; then twice as long each time
 * @param {number} [options.maxRetryDelay] the longest wait between retries, ms
 */
export function useOutbox({ deliver, onDelivered, onFailure, retryBase = 1000, maxRetryDelay = 30000 }) {
  /** @type {import('vue').Ref<PendingMessage[]>} */
  const pending = ref([])
  let flushing = false
  let flushAgain = false
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let retryTimer = undefined
  const backoff = useBackoff({ base: retryBase, max: maxRetryDelay }) // failed attempts in a row
  let serverAskedToWait = false // a 429/5xx: only the retry timer sends again, not a good poll
  let active = true

  /** @param {unknown} error */
  function scheduleRetry(error) {
    clearTimeout(retryTimer)
    retryTimer = undefined
    if (!active) return
    const wait = backoff.fail()
    const delay = error instanceof ApiError && error.retryAfter !== null ? error.retryAfter : wait
    retryTimer = setTimeout(() => {
      retryTimer = undefined
      serverAskedToWait = false
      flush()
    }, delay)
  }

  /**
   * @param {PendingMessage} entry
   * @param {import('../api/types.js').Message} message
   */
  function delivered(entry, message) {
    backoff.reset()
    clearTimeout(retryTimer)
    retryTimer = undefined
    pending.value = pending.value.filter((p) => p.key !== entry.key)
    onDelivered(message)
    if (entry.followUp) enqueue(entry.followUp, { replyTo: message.seq })
  }

  async function flushOnce() {
    for (const entry of pending.value) {
      if (entry.state === 'failed') continue
      entry.state = 'sending'
      try {
        delivered(entry, await deliver(entry))
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

  /**
   * @param {string} text
   * @param {{replyTo?: number | null, attachments?: number[], followUp?: string | null}} [options]
   */
  function enqueue(text, { replyTo = null, attachments = [], followUp = null } = {}) {
    pending.value.push({
      key: newIdempotencyKey(),
      text,
      replyTo,
      attachments,
      followUp,
      state: serverAskedToWait ? 'pending' : 'sending',
      error: null,
    })
    return flush()
  }

  /** @param {string} key */
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
    retryTimer = undefined
    serverAskedToWait = false
  }

  return { pending, enqueue, flush, discard, start, stop }
}
