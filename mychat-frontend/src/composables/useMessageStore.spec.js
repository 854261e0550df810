import { describe, expect, it } from 'vitest'
import { useMessageStore } from './useMessageStore.js'

/** @param {number} seq */
const message = (seq) => ({ id: 1000 + seq, seq, user: { id: 1, username: 'bob' }, message: `m${seq}` })
const seqs = (/** @type {ReturnType<typeof useMessageStore>} */ store) => store.messages.value.map((m) => m.seq)

describe('useMessageStore', () => {
  it('keeps seq order and shows a seq once', () => {
    const store = useMessageStore()
    store.add([message(3), message(1)])
    store.add([message(1), message(2), message(3)])
    expect(seqs(store)).toEqual([1, 2, 3])
  })

  it('moves the cursor only over messages without a hole before them', () => {
    const store = useMessageStore()
    store.add([message(1), message(3)])
    expect(store.cursor()).toBe(1)
    store.add([message(2)])
    expect(store.cursor()).toBe(3)
  })

  it('moves the cursor to the end of a page (the newest page need not start at 1)', () => {
    const store = useMessageStore()
    store.addPage([message(41), message(42)])
    expect(store.cursor()).toBe(42)
    expect(store.hasOlder.value).toBe(true)
  })

  it('pages history in without moving the cursor, and knows when there is no more', () => {
    const store = useMessageStore()
    store.add([message(5)])
    store.addOlder([message(3), message(4)])
    expect(seqs(store)).toEqual([3, 4, 5])
    expect(store.cursor()).toBe(0)
    expect(store.hasOlder.value).toBe(true)
    store.addOlder([])
    expect(store.hasOlder.value).toBe(false)
  })
})
