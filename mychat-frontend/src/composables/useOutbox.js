/**
 * Messages on their way out: each gets an Idempotency-Key once, is shown as pending
 * until the server has it, and is retried (with the same key) when the connection is back.
 */
import { ref } from 'vue'
import { ApiError, newIdempotencyKey } from '../api/client.js'

/** Errors that a retry will not fix (bad text, too long, ...); 408 and 429 are worth another try. */
const isRejected = (error) =>
  error instanceof ApiError && error.status >= 400 && error.status < 500 && ![408, 429].includes(error.status)

/**
 * @param deliver async (text, key) => message: posts one message.
 * @param onDelivered (message) => void: the stored message, to merge into the chat.
 * @param onFailure (error) => void: a network error or a 401/403/404, for the transport to act on.
 */
export function useOutbox({ deliver, onDelivered, onFailure }) {
  const pending = ref([]) // {key, text, state: 'sending' | 'pending' | 'failed', error}
  let flushing = false
  let flushAgain = false

  async function flushOnce() {
    for (const entry of pending.value) {
      if (entry.state === 'failed') continue
      entry.state = 'sending'
      try {
        const message = await deliver(entry.text, entry.key)
        pending.value = pending.value.filter((p) => p.key !== entry.key)
        onDelivered(message)
      } catch (error) {
        const fatal = error instanceof ApiError && [401, 403, 404].includes(error.status)
        if (isRejected(error) && !fatal) {
          entry.state = 'failed'
          entry.error = error.message
          continue
        }
        // Kept in order: this one and everything behind it wait for the connection.
        for (const waiting of pending.value) if (waiting.state === 'sending') waiting.state = 'pending'
        onFailure(error)
        return false
      }
    }
    return true
  }

  /** Sends everything queued, in order; stops at the first failure that a retry may fix. */
  async function flush() {
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
    pending.value.push({ key: newIdempotencyKey(), text, state: 'sending', error: null })
    return flush()
  }

  function discard(key) {
    pending.value = pending.value.filter((p) => p.key !== key)
  }

  return { pending, enqueue, flush, discard }
}
