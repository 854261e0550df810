import { describe, expect, it } from 'vitest'
import { fakeMessage } from '../testing/fakes.js'
import { useMessageStore } from './useMessageStore.js'

/**
 * @param {number} seq
 * @param {Partial<import('../api/types.js').Message>} [fields]
 */
const message = (seq, fields = {}) => fakeMessage({ seq, ...fields })
/** @param {import('../api/types.js').Message[]} messages */
const page = (messages, lastSeq = messages.at(-1)?.seq ?? 0) => ({ messages, last_seq: lastSeq })
const seqs = (/** @type {ReturnType<typeof useMessageStore>} */ store) => store.messages.value.map((m) => m.seq)

describe('useMessageStore', () => {
  it('starts from the newest page: its messages, and more history before it', () => {
    const store = useMessageStore()
    store.replaceWindow(page([message(41), message(42)]))
    expect(seqs(store)).toEqual([41, 42])
    expect(store.hasOlder.value).toBe(true)
    expect(store.hasNewer.value).toBe(false)
    expect(store.cursor()).toBe(null)
    store.advanceTo(50)
    expect(store.cursor()).toBe(50)
    store.advanceTo(45) // never backwards
    expect(store.cursor()).toBe(50)
  })

  it('applies changes by seq: new ones at the end, newer revs replace, older revs are ignored', () => {
    const store = useMessageStore()
    store.replaceWindow(page([message(1), message(2)]))
    store.apply([message(2, { rev: 5, message: 'edited' }), message(3, { rev: 6 })])
    expect(seqs(store)).toEqual([1, 2, 3])
    expect(store.messages.value[1].message).toBe('edited')
    store.apply([message(2, { rev: 4, message: 'a late push of an older state' })])
    expect(store.messages.value[1].message).toBe('edited')
    store.apply([message(3, { rev: 7, deleted: true, message: '' })])
    expect(store.messages.value[2].deleted).toBe(true)
  })

  it('keeps a message sent while the newest page was on its way, and stays at the live end', () => {
    const store = useMessageStore()
    store.apply([message(2)]) // the answer to a POST that overtook the first page
    store.showLatest(page([message(1)], 1)) // the page was read before that message was stored
    expect(seqs(store)).toEqual([1, 2])
    expect(store.hasNewer.value).toBe(false)
    store.apply([message(3, { rev: 5 })])
    expect(seqs(store)).toEqual([1, 2, 3])
  })

  it('fills a hole inside the window but leaves history before it to paging', () => {
    const store = useMessageStore()
    store.replaceWindow(page([message(5), message(7)]))
    store.apply([message(6), message(2, { rev: 9 })])
    expect(seqs(store)).toEqual([5, 6, 7])
  })

  it('pages history in on both sides', () => {
    const store = useMessageStore()
    store.replaceWindow(page([message(5)]))
    store.addOlder(page([message(3), message(4)], 5))
    expect(seqs(store)).toEqual([3, 4, 5])
    expect(store.hasOlder.value).toBe(true)
    store.addOlder(page([message(1), message(2)], 5))
    expect(store.hasOlder.value).toBe(false)
  })

  it('after a jump back, counts new messages instead of showing them, until the window reaches the end', () => {
    const store = useMessageStore()
    store.replaceWindow(page([message(10), message(11)], 20))
    expect(store.hasNewer.value).toBe(true)
    expect(store.newerCount.value).toBe(9)
    store.apply([message(21, { rev: 30 }), message(10, { rev: 31, message: 'an edit in the window still shows' })])
    expect(seqs(store)).toEqual([10, 11])
    expect(store.messages.value[0].message).toBe('an edit in the window still shows')
    expect(store.newerCount.value).toBe(10)
    store.addNewer(
      page(
        [12, 13, 14, 15, 16, 17, 18, 19, 20, 21].map((seq) => message(seq)),
        21,
      ),
    )
    expect(store.hasNewer.value).toBe(false)
    expect(store.newerCount.value).toBe(0)
    store.apply([message(22, { rev: 32 })])
    expect(seqs(store).at(-1)).toBe(22)
  })
})
