/**
 * One chat's messages as the reader sees them: a window of history in seq order (the live end,
 * or wherever a jump took the reader), and the rev cursor below which every change is applied.
 * No network, no DOM.
 */
import { computed, ref, shallowRef } from 'vue'

/** @typedef {import('../api/types.js').Message} Message */

export function useMessageStore() {
  /** @type {import('vue').ShallowRef<Message[]>} oldest first, unique by seq */
  const messages = shallowRef([])
  /** The chat's newest seq, as last heard from the server. */
  const lastSeq = ref(0)
  /** The window does not reach the live end (after a jump back): new messages are counted, not shown. */
  const hasNewer = ref(false)
  /** The first seq the window covers (what came before it is loaded by paging back). */
  const windowStart = ref(1)
  const hasOlder = computed(() => windowStart.value > 1)
  const newerCount = computed(() => (hasNewer.value ? lastSeq.value - (messages.value.at(-1)?.seq ?? 0) : 0))
  /** @type {number | null} every change up to this rev is applied; null before the first page */
  let cursor = null

  /**
   * Puts messages into the window: a known seq is replaced by a newer rev of it; an unknown one
   * is added when `accept(message)` says it belongs in the window.
   * @param {Message[]} incoming
   * @param {(message: Message) => boolean} accept
   */
  function upsert(incoming, accept) {
    if (!incoming?.length) return
    const bySeq = new Map(messages.value.map((m) => [m.seq, m]))
    let changed = false
    for (const message of incoming) {
      lastSeq.value = Math.max(lastSeq.value, message.seq)
      const known = bySeq.get(message.seq)
      if (known ? message.rev > known.rev : accept(message)) {
        bySeq.set(message.seq, message)
        changed = true
      }
    }
    if (changed) messages.value = [...bySeq.values()].sort((a, b) => a.seq - b.seq)
  }

  /** @param {{messages: Message[], last_seq: number}} page */
  function noteLastSeq(page) {
    lastSeq.value = Math.max(lastSeq.value, page.last_seq)
  }

  /**
   * A change to a message not shown belongs in the window when it falls inside it (it fills a
   * hole left by a lost push) or after it while the window is at the live end; older history
   * and news beyond a window in the past wait until the reader pages there.
   * @param {Message} message
   */
  function belongs(message) {
    const last = messages.value.at(-1)?.seq ?? 0
    return message.seq >= windowStart.value && (message.seq <= last || !hasNewer.value)
  }

  return {
    messages,
    hasOlder,
    hasNewer,
    newerCount,
    lastSeq,
    /** The rev to poll `since=` from; null until a first page came. */
    cursor: () => cursor,
    /** @param {number} rev the server's cursor after a page of changes */
    advanceTo(rev) {
      cursor = Math.max(cursor ?? 0, rev)
    },
    /** @param {Message} message */
    has: (message) => messages.value.some((m) => m.seq === message.seq),
    /**
     * Changes (a `since=` page, a push, what an action returned): each is applied by seq.
     * @param {Message[]} changes
     */
    apply(changes) {
      upsert(changes, belongs)
    },
    /**
     * The page around a jump becomes the whole window.
     * @param {{messages: Message[], last_seq: number}} page
     */
    replaceWindow(page) {
      messages.value = [...page.messages]
      noteLastSeq(page)
      windowStart.value = page.messages[0]?.seq ?? page.last_seq + 1
      hasNewer.value = (page.messages.at(-1)?.seq ?? 0) < lastSeq.value
    },
    /**
     * The newest page becomes the window at the live end. Messages already here that are newer
     * than the page (a message sent while the page was on its way) stay: they are newer still.
     * @param {{messages: Message[], last_seq: number}} page
     */
    showLatest(page) {
      const pageEnd = page.messages.at(-1)?.seq ?? page.last_seq
      const newer = messages.value.filter((m) => m.seq > pageEnd)
      messages.value = [...page.messages]
      noteLastSeq(page)
      windowStart.value = page.messages[0]?.seq ?? page.last_seq + 1
      hasNewer.value = false
      upsert(newer, () => true)
    },
    /** @param {{messages: Message[], last_seq: number}} page history just before the window */
    addOlder(page) {
      noteLastSeq(page)
      upsert(page.messages, () => true)
      windowStart.value = Math.min(windowStart.value, page.messages[0]?.seq ?? 1)
    },
    /** @param {{messages: Message[], last_seq: number}} page history just after the window */
    addNewer(page) {
      noteLastSeq(page)
      upsert(page.messages, () => true)
      hasNewer.value = (messages.value.at(-1)?.seq ?? 0) < lastSeq.value
    },
  }
}
