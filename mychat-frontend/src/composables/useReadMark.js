/**
 * The reader's read mark in one chat: the newest message they have had in view while the tab was
 * visible. The page counts unread from it at once (`read`); the server hears of it lazily: soon
 * after opening a chat that had unread messages, then at most about every MARK_EVERY_MS while the
 * reader keeps reading, and at once when the tab is hidden or the page is left (`flush`). In a
 * lecture hall a mark per message per open tab would be a thousand writes a second for one
 * speaker (bench/lecture.py --read-marks eager: the hall fell over); this is about eight a second
 * for a thousand tabs. Other devices of the reader see the mark that much later.
 */
import { computed, onScopeDispose, ref } from 'vue'
import { markRead } from '../api/client.js'

export const MARK_DELAY_MS = 500 // a chat opened with unread messages: scrolling through them is one request
export const MARK_EVERY_MS = 120_000 // afterwards, while news keeps coming (±50 %, so tabs do not line up)

/** @param {string} uri */
export function useReadMark(uri) {
  const marked = ref(0) // the server's mark, as last heard
  const seen = ref(0) // the newest seq in view while the tab was visible
  let inView = 0 // the newest seq in view, visible or not
  let lastSent = 0 // ms; 0: the next mark goes soon
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer
  /** @type {Promise<void> | null} */
  let sending = null

  function send() {
    clearTimeout(timer)
    timer = undefined
    if (sending) return sending
    if (seen.value <= marked.value) return Promise.resolve()
    lastSent = Date.now()
    sending = markRead(uri, seen.value)
      .then((state) => void (marked.value = Math.max(marked.value, state.last_read_seq)))
      .catch(() => {}) // the next mark tries again; a read mark is not worth an error on screen
      .finally(() => {
        sending = null
        schedule()
      })
    return sending
  }

  function schedule() {
    if (timer !== undefined || sending || seen.value <= marked.value || document.hidden) return
    const every = MARK_EVERY_MS * (0.5 + Math.random())
    timer = setTimeout(send, lastSent ? Math.max(MARK_DELAY_MS, lastSent + every - Date.now()) : MARK_DELAY_MS)
  }

  function onVisibilityChange() {
    if (document.hidden) return void send() // leaving the tab: what was read counts now
    seen.value = Math.max(seen.value, inView) // back: what is in view is seen
    schedule()
  }
  document.addEventListener('visibilitychange', onVisibilityChange)
  onScopeDispose(() => {
    clearTimeout(timer)
    document.removeEventListener('visibilitychange', onVisibilityChange)
  })

  return {
    marked,
    /** What the page counts as read: the server's mark, or further what the reader has seen. */
    read: computed(() => Math.max(marked.value, seen.value)),
    /**
     * @param {number} seq the server's mark when the chat was read
     * @param {number} lastSeq the chat's newest seq then: with nothing unread, marks wait their turn
     */
    start(seq, lastSeq = seq) {
      marked.value = Math.max(marked.value, seq)
      lastSent = lastSeq > seq ? 0 : Date.now()
    },
    /** @param {number} seq the newest message now in view */
    saw(seq) {
      inView = Math.max(inView, seq)
      if (document.hidden) return
      seen.value = Math.max(seen.value, seq)
      schedule()
    },
    /** Tells the server now (leaving the chat); resolves when it has answered, or failed. */
    flush: send,
  }
}
