import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client.js'
import { advance, FakeWebSocket, useFakeChat, withScope } from '../testing/index.js'
import { useChatTransport } from './useChatTransport.js'

const server = useFakeChat({ socket: true })
/** @type {ReturnType<typeof useChatTransport>} */
let transport

const seqs = () => transport.messages.value.map((m) => m.seq)
/** @param {number} seq */
const shown = (seq) => transport.messages.value.find((m) => m.seq === seq)

async function startPolling() {
  transport = withScope(() => useChatTransport('room1', { olderPageSize: 4 }))
  transport.start()
  await advance(0)
}

async function startLive() {
  await startPolling()
  FakeWebSocket.latest.open()
  await advance(0)
}

describe('changes reach the reader', () => {
  it('a poll applies edits, deletes and reactions to the messages shown', async () => {
    server.add('helo')
    server.add('bye')
    await startPolling()
    server.edit(1, 'hello')
    server.react(2, '👍', 'bob')
    server.remove(2)
    await advance(500)
    expect(seqs()).toEqual([1, 2])
    expect(shown(1)?.message).toBe('hello')
    expect(shown(1)?.edited_at).not.toBeNull()
    expect(shown(2)?.deleted).toBe(true)
    expect(server.polls.at(-1)?.path).toBe('/api/chats/room1/messages/?since=2&limit=100')
  })

  it('a page cut by the limit is followed at once by the next one', async () => {
    transport = withScope(() => useChatTransport('room1'))
    transport.start()
    await advance(0)
    for (let i = 0; i < 150; i += 1) server.add(`m${i}`)
    await advance(500)
    expect(seqs()).toHaveLength(150)
    const paths = server.polls.slice(-2).map((r) => r.path)
    expect(paths).toEqual([
      '/api/chats/room1/messages/?since=0&limit=100',
      '/api/chats/room1/messages/?since=100&limit=100',
    ])
  })

  it('a pushed change is applied, and a stale push never undoes a newer state', async () => {
    server.add('one')
    await startLive()
    const edited = server.edit(1, 'one, edited')
    FakeWebSocket.latest.push({ type: 'message', message: edited })
    expect(shown(1)?.message).toBe('one, edited')
    FakeWebSocket.latest.push({ type: 'message', message: { ...edited, rev: 1, message: 'one' } })
    expect(shown(1)?.message).toBe('one, edited')
    const polls = server.pollsAfterNow()
    await advance(0)
    expect(polls()).toHaveLength(0) // rev 2 followed rev 1: nothing to catch up
  })
})

describe('actions', () => {
  it('edits, reacts and takes a reaction back, showing what the server answered', async () => {
    server.add('helo', 'me')
    await startPolling()
    await transport.edit(1, 'hello')
    expect(shown(1)?.message).toBe('hello')
    await transport.react(1, '🎉')
    expect(shown(1)?.reactions).toEqual([{ emoji: '🎉', count: 1, user_ids: [server.me.id] }])
    expect(server.requests.at(-1)?.path).toBe('/api/chats/room1/messages/1/reactions/%F0%9F%8E%89/')
    await transport.unreact(1, '🎉')
    expect(shown(1)?.reactions).toEqual([])
  })

  it('deletes and then shows the tombstone', async () => {
    server.add('oops', 'me')
    await startPolling()
    await transport.remove(1)
    await advance(0)
    expect(shown(1)?.deleted).toBe(true)
    expect(shown(1)?.message).toBe('')
  })

  it('rejects with the server reason when an action is refused', async () => {
    server.add('not mine', 'bob')
    await startPolling()
    const refused = transport.edit(1, 'mine now')
    await expect(refused).rejects.toBeInstanceOf(ApiError)
    await expect(refused).rejects.toThrow('Only its author can edit a message.')
    expect(transport.status.value).toBe('polling') // an action's refusal is not a broken chat
  })

  it('sends a reply with the seq it answers', async () => {
    server.add('lunch?')
    await startPolling()
    await transport.send('yes', { replyTo: 1 })
    expect(JSON.parse(server.requests.at(-1)?.body)).toEqual({ message: 'yes', reply_to: 1 })
    expect(shown(2)?.reply_to?.seq).toBe(1)
  })
})

describe('jumping through history', () => {
  it('loads the history around a message, pages both ways, and returns to the live end', async () => {
    for (let i = 1; i <= 130; i += 1) server.add(`m${i}`) // more than the newest page shows
    transport = withScope(() => useChatTransport('room1', { olderPageSize: 4 }))
    transport.start()
    await advance(0)
    expect(await transport.jumpTo(10)).toBe(true)
    expect(seqs()).toEqual([8, 9, 10, 11])
    expect(transport.hasNewer.value).toBe(true)
    expect(transport.newerCount.value).toBe(119)

    server.add('news while reading the past')
    await advance(500)
    expect(seqs()).toEqual([8, 9, 10, 11])
    expect(transport.newerCount.value).toBe(120)

    await transport.loadNewer()
    expect(seqs()).toEqual([8, 9, 10, 11, 12, 13, 14, 15])
    await transport.loadOlder()
    expect(seqs()[0]).toBe(4)

    await transport.jumpToLatest()
    expect(transport.hasNewer.value).toBe(false)
    expect(seqs().at(-1)).toBe(131)
  })

  it('a message already shown needs no fetch; an unknown one is false', async () => {
    server.add('here')
    await startPolling()
    const before = server.polls.length
    expect(await transport.jumpTo(1)).toBe(true)
    expect(server.polls).toHaveLength(before)
    expect(await transport.jumpTo(99)).toBe(false)
  })
})

describe('typing', () => {
  it('shows who is typing until their message arrives or a few seconds pass', async () => {
    await startLive()
    FakeWebSocket.latest.push({ type: 'typing', typing: { id: 3, username: 'bob' } })
    FakeWebSocket.latest.push({ type: 'typing', typing: { id: 5, username: 'carol' } })
    expect(transport.typing.value.map((u) => u.username)).toEqual(['bob', 'carol'])
    FakeWebSocket.latest.push({ type: 'message', message: server.add('hi', 'bob') })
    expect(transport.typing.value.map((u) => u.username)).toEqual(['carol'])
    await advance(5000)
    expect(transport.typing.value).toEqual([])
  })

  it('tells the others at most every 3 s, and only over the socket', async () => {
    await startPolling()
    transport.notifyTyping() // no socket yet: nothing to send, nothing stored
    FakeWebSocket.latest.open()
    await advance(0)
    transport.notifyTyping()
    transport.notifyTyping()
    await advance(2999)
    transport.notifyTyping()
    await advance(1)
    transport.notifyTyping()
    expect(FakeWebSocket.latest.sent.map((frame) => JSON.parse(String(frame)))).toEqual([
      { type: 'typing' },
      { type: 'typing' },
    ])
  })
})
