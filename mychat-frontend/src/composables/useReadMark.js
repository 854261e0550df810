/**
 * The reader's read mark in one chat: what they have seen (the newest message in view while the
 * tab is visible) is told to the server, a little after it is seen and only ever forward.
 */
import { onScopeDispose, ref } from 'vue'
import { markRead } from '../api/client.js'

export const MARK_DELAY_MS = 500 // scrolling through a dozen messages is one request, not twelve

/** @param {string} uri */
export function useReadMark(uri) {
  const marked = ref(0) // the server's mark, as last heard
  let seen = 0 // the newest seq the reader had in view
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer
  let sending = false

  async function send() {
    timer = undefined
    if (sending || seen <= marked.value || document.hidden) return
    sending = true
    try {
      const state = await markRead(uri, seen)
      marked.value = Math.max(marked.value, state.last_read_seq)
    } catch {
      // the next message seen tries again; a read mark is not worth an error on screen
    } finally {
      sending = false
    }
    if (seen > marked.value && !document.hidden) timer = setTimeout(send, MARK_DELAY_MS)
  }

  function schedule() {
    if (timer === undefined && seen > marked.value && !document.hidden) timer = setTimeout(send, MARK_DELAY_MS)
  }

  function onVisibilityChange() {
    if (!document.hidden) schedule()
  }
  document.addEventListener('visibilitychange', onVisibilityChange)
  onScopeDispose(() => {
    clearTimeout(timer)
    document.removeEventListener('visibilitychange', onVisibilityChange)
  })

  return {
    marked,
    /** @param {number} seq the server's mark when the chat was read */
    start(seq) {
      marked.value = Math.max(marked.value, seq)
    },
    /** @param {number} seq the newest message now in view */
    saw(seq) {
      seen = Math.max(seen, seq)
      schedule()
    },
  }
}
