/** One chat's messages, in seq order and unique by seq, and the cursor below which every seq is known. No network, no DOM. */
import { ref, shallowRef } from 'vue'

/** @typedef {import('../api/types.js').Message} Message */

export function useMessageStore() {
  /** @type {import('vue').ShallowRef<Message[]>} oldest first, unique by seq */
  const messages = shallowRef([])
  const hasOlder = ref(false)
  let cursor = 0 // every seq up to here is known; the cursor is the truth, pushes are hints

  /**
   * Adds the messages not shown yet; a seq names a message forever, so a known seq is skipped.
   * @param {Message[]} incoming
   */
  function merge(incoming) {
    if (!incoming?.length) return
    const bySeq = new Map(messages.value.map((m) => [m.seq, m]))
    let changed = false
    for (const message of incoming) {
      if (!bySeq.has(message.seq)) {
        bySeq.set(message.seq, message)
        changed = true
      }
    }
    if (!changed) return
    messages.value = [...bySeq.values()].sort((a, b) => a.seq - b.seq)
    hasOlder.value = messages.value[0].seq > 1
  }

  /** Moves the cursor over messages that follow it without a hole. */
  function advanceCursor() {
    const known = new Set(messages.value.map((m) => m.seq))
    while (known.has(cursor + 1)) cursor += 1
  }

  return {
    messages,
    hasOlder,
    cursor: () => cursor,
    /**
     * Messages that may leave a hole (a push, a message just sent): the cursor moves only over what has none.
     * @param {Message[]} incoming
     */
    add(incoming) {
      merge(incoming)
      advanceCursor()
    },
    /**
     * The newest page, or a page after the cursor: it has no holes, so the cursor moves to its end.
     * @param {Message[]} page
     */
    addPage(page) {
      merge(page)
      const last = page.at(-1)
      if (last) cursor = Math.max(cursor, last.seq)
      advanceCursor()
    },
    /**
     * A page of history before the oldest message shown; an empty one means there is no more.
     * @param {Message[]} page
     */
    addOlder(page) {
      merge(page)
      if (!page.length) hasOlder.value = false
    },
  }
}
