import { describe, expect, it } from 'vitest'
import { byActivity, lastMessageLine, mergeChat, removeChat, totalUnread } from './chatList.js'

/** @param {string} uri @param {number} minute @param {object} [fields] */
const chat = (uri, minute, fields = {}) =>
  /** @type {import('../api/types.js').ChatSummary} */ ({
    uri,
    title: uri,
    kind: 'group',
    owner: { id: 1, username: 'ana' },
    member_count: 2,
    members_preview: [],
    last_message: null,
    last_seq: 3,
    last_read_seq: 3,
    unread_count: 0,
    mention_count: 0,
    last_activity_at: new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString(),
    role: 'member',
    ...fields,
  })
const uris = (list) => list.map((c) => c.uri)

describe('mergeChat', () => {
  const list = [chat('b', 5), chat('a', 3), chat('c', 1)]

  it('moves a chat with news to the top, with its new counts', () => {
    const merged = mergeChat(list, chat('c', 9, { last_seq: 4, unread_count: 1 }))
    expect(uris(merged)).toEqual(['c', 'b', 'a'])
    expect(merged[0].unread_count).toBe(1)
    expect(uris(list)).toEqual(['b', 'a', 'c']) // the old list is left as it was
  })

  it('adds a chat it did not have (joined elsewhere)', () => {
    expect(uris(mergeChat(list, chat('d', 4)))).toEqual(['b', 'd', 'a', 'c'])
  })

  it('ignores a push older than what it holds', () => {
    const newer = mergeChat(list, chat('a', 9, { last_seq: 5, unread_count: 2 }))
    const late = mergeChat(newer, chat('a', 7, { last_seq: 4, unread_count: 1 }))
    expect(late.find((c) => c.uri === 'a')).toMatchObject({ last_seq: 5, unread_count: 2 })
  })

  it('never moves a read mark back, so a late push does not bring a read badge back', () => {
    const read = mergeChat(list, chat('a', 9, { last_seq: 5, last_read_seq: 5, unread_count: 0 }))
    const late = mergeChat(read, chat('a', 9, { last_seq: 5, last_read_seq: 3, unread_count: 2 }))
    expect(late.find((c) => c.uri === 'a')).toMatchObject({ last_read_seq: 5, unread_count: 0 })
  })

  it('takes an edit of the same last message in place', () => {
    const edited = mergeChat(list, chat('b', 5, { last_message: { seq: 3, excerpt: 'edited' } }))
    expect(uris(edited)).toEqual(['b', 'a', 'c'])
    expect(edited[0].last_message?.excerpt).toBe('edited')
  })
})

describe('the rest of the list logic', () => {
  it('orders by latest activity, ties by URI', () => {
    expect(uris([chat('a', 1), chat('c', 2), chat('b', 2)].sort(byActivity))).toEqual(['b', 'c', 'a'])
  })

  it('removes a chat one left', () => {
    expect(uris(removeChat([chat('a', 1), chat('b', 2)], 'a'))).toEqual(['b'])
  })

  it('adds up the unread counts', () => {
    expect(totalUnread([chat('a', 1, { unread_count: 2 }), chat('b', 2, { unread_count: 3 })])).toBe(5)
    expect(totalUnread(null)).toBe(0)
  })

  it('says the last message in a line', () => {
    const last = { seq: 1, kind: 'text', user: { id: 2, username: 'bob' }, excerpt: 'hi', deleted: false }
    expect(lastMessageLine(chat('a', 1, { last_message: last }), { id: 1 })).toBe('bob: hi')
    expect(lastMessageLine(chat('a', 1, { last_message: last }), { id: 2 })).toBe('You: hi')
    expect(lastMessageLine(chat('a', 1, { last_message: { ...last, deleted: true } }), null)).toBe(
      'bob: Message deleted',
    )
    expect(
      lastMessageLine(chat('a', 1, { last_message: { ...last, kind: 'system', excerpt: 'bob joined' } }), null),
    ).toBe('bob joined')
    expect(lastMessageLine(chat('a', 1), null)).toBe('No messages yet')
  })
})
