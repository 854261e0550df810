import { describe, expect, it, vi } from 'vitest'
import { onUnauthorized, token } from '../api/client.js'
import { advance, useFakeChat, withScope } from '../testing/index.js'
import { useChatTransport } from './useChatTransport.js'

const server = useFakeChat() // no WebSocket: the transport only polls
/** @type {ReturnType<typeof useChatTransport>} */
let transport

const seqs = () => transport.messages.value.map((m) => m.seq)

/** @param {Parameters<typeof useChatTransport>[1]} [options] */
function startTransport(options) {
  transport = withScope(() => useChatTransport('room1', options))
  transport.start()
  return transport
}

describe('polling', () => {
  it('loads the newest messages, then polls since the last rev every 500 ms with the token', async () => {
    server.add('one')
    server.add('two')
    startTransport()
    await advance(0)
    expect(seqs()).toEqual([1, 2])
    expect(server.polls[0].path).toBe('/api/chats/room1/messages/?limit=100')
    expect(server.polls[0].headers.Authorization).toBe('Token secret-token')
    expect(transport.status.value).toBe('polling')

    const newPolls = server.pollsAfterNow()
    await advance(500)
    expect(newPolls().map((r) => r.path)).toEqual(['/api/chats/room1/messages/?since=2&limit=100'])
    server.add('three')
    await advance(500)
    expect(seqs()).toEqual([1, 2, 3])
  })

  it('sends If-None-Match with the last ETag so idle polls are 304s', async () => {
    server.add('one')
    startTransport()
    await advance(0) // newest page
    await advance(500) // first since=1: 200 with an ETag
    const idle = server.pollsAfterNow()
    await advance(1500)
    expect(idle()).toHaveLength(3)
    for (const poll of idle()) expect(poll.headers['If-None-Match']).toBe('"1.?since=1&limit=100"')
    expect(seqs()).toEqual([1])
  })

  it('never shows a message twice and keeps seq order', async () => {
    server.add('one')
    startTransport()
    await advance(0)
    server.add('two')
    server.add('three')
    await advance(500)
    await advance(500)
    expect(seqs()).toEqual([1, 2, 3])
    expect(new Set(transport.messages.value.map((m) => m.id)).size).toBe(3)
  })

  it('backs off exponentially on network errors, shows offline, and recovers', async () => {
    startTransport()
    await advance(0)
    server.offline = true
    const polls = server.pollsAfterNow()
    await advance(500) // fails: next try in 1000 ms
    expect(transport.status.value).toBe('offline')
    await advance(999)
    expect(polls()).toHaveLength(1)
    await advance(1) // second failure: next in 2000 ms
    expect(polls()).toHaveLength(2)
    await advance(1999)
    expect(polls()).toHaveLength(2)
    await advance(1)
    expect(polls()).toHaveLength(3)

    server.offline = false
    server.add('back')
    await advance(4000)
    expect(transport.status.value).toBe('polling')
    expect(seqs()).toEqual([1])
    const healthy = server.pollsAfterNow()
    await advance(1000)
    expect(healthy()).toHaveLength(2) // back to every 500 ms
  })

  it('spreads the polls of tabs a tenth either way, so tabs answered together do not stay in step', async () => {
    startTransport()
    await advance(0)
    vi.mocked(Math.random).mockReturnValue(0)
    await advance(500) // the poll due at 500 ms; the next is due 450 ms later
    const polls = server.pollsAfterNow()
    await advance(449)
    expect(polls()).toHaveLength(0)
    vi.mocked(Math.random).mockReturnValue(0.999) // for the wait after the next poll: almost 550 ms
    await advance(1)
    expect(polls()).toHaveLength(1)
    await advance(548)
    expect(polls()).toHaveLength(1)
    await advance(2)
    expect(polls()).toHaveLength(2)
  })

  it('a busy server (503, 429) is waited out as long as it asks, without calling the chat offline', async () => {
    startTransport()
    await advance(0)
    server.forcedStatus = 503
    server.forcedHeaders = { 'Retry-After': '7' }
    await advance(500)
    expect(transport.status.value).toBe('polling')
    const polls = server.pollsAfterNow()
    await advance(6999)
    expect(polls()).toHaveLength(0)
    server.forcedStatus = null
    await advance(1)
    expect(polls()).toHaveLength(1)
    expect(transport.status.value).toBe('polling')
  })

  it('caps the backoff', async () => {
    startTransport({ maxBackoff: 4000 })
    await advance(0)
    server.offline = true
    await advance(60000)
    const polls = server.pollsAfterNow()
    await advance(8000)
    expect(polls()).toHaveLength(2)
  })

  it('polls slower while the tab is hidden and at once when it is shown again', async () => {
    startTransport()
    await advance(0)
    const hidden = vi.spyOn(document, 'hidden', 'get').mockReturnValue(true)
    await advance(500)
    const whileHidden = server.pollsAfterNow()
    await advance(4000)
    expect(whileHidden()).toHaveLength(0)
    hidden.mockReturnValue(false)
    document.dispatchEvent(new Event('visibilitychange'))
    await advance(0)
    expect(whileHidden()).toHaveLength(1)
  })

  it('on 401 forgets the token, calls the sign-in handler once and stops polling', async () => {
    const toSignIn = vi.fn()
    onUnauthorized(toSignIn)
    startTransport()
    await advance(0)
    server.forcedStatus = 401
    await advance(500)
    expect(toSignIn).toHaveBeenCalledTimes(1)
    expect(token.value).toBeNull()
    const polls = server.pollsAfterNow()
    await advance(5000)
    expect(polls()).toHaveLength(0)
    expect(transport.status.value).toBe('stopped')
  })

  it('reports an unknown chat and stops', async () => {
    server.forcedStatus = 404
    startTransport()
    await advance(0)
    expect(transport.error.value).toMatch(/does not exist/)
    const polls = server.pollsAfterNow()
    await advance(5000)
    expect(polls()).toHaveLength(0)
  })

  it('pages back through history with before=', async () => {
    for (let i = 0; i < 130; i++) server.add(`m${i + 1}`)
    startTransport({ olderPageSize: 20 })
    await advance(0)
    expect(seqs()[0]).toBe(31)
    expect(transport.hasOlder.value).toBe(true)
    await transport.loadOlder()
    expect(server.polls.at(-1)?.path).toBe('/api/chats/room1/messages/?before=31&limit=20')
    expect(seqs()[0]).toBe(11)
    await transport.loadOlder()
    await transport.loadOlder()
    expect(seqs()).toHaveLength(130)
    expect(transport.hasOlder.value).toBe(false)
  })

  it('catches up page by page after more than one page was missed', async () => {
    startTransport()
    await advance(0)
    for (let i = 0; i < 250; i++) server.add(`m${i + 1}`)
    await advance(500)
    expect(seqs()).toHaveLength(250)
  })
})

describe('sending', () => {
  it('posts the text with an Idempotency-Key and shows the stored message', async () => {
    startTransport()
    await advance(0)
    await transport.send('hello')
    const [post] = server.requests.filter((r) => r.method === 'POST')
    expect(post.path).toBe('/api/chats/room1/messages/')
    expect(JSON.parse(post.body)).toEqual({ message: 'hello' })
    expect(post.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/)
    expect(transport.pending.value).toEqual([])
    expect(transport.messages.value.map((m) => m.message)).toEqual(['hello'])
  })

  it('keeps a message pending while offline and sends it once, with the same key, when back', async () => {
    startTransport()
    await advance(0)
    server.offline = true
    await transport.send('while offline')
    expect(transport.pending.value).toMatchObject([{ text: 'while offline', state: 'pending' }])
    expect(transport.status.value).toBe('offline')

    server.offline = false
    await advance(2000) // the next successful poll flushes the outbox
    const posts = server.requests.filter((r) => r.method === 'POST')
    const keys = new Set(posts.map((p) => p.headers['Idempotency-Key']))
    expect(keys.size).toBe(1)
    expect(transport.pending.value).toEqual([])
    expect(server.messages.map((m) => m.message)).toEqual(['while offline'])
    expect(transport.messages.value.map((m) => m.message)).toEqual(['while offline'])
  })

  it('sends messages queued while offline in the order they were written', async () => {
    startTransport()
    await advance(0)
    server.offline = true
    await transport.send('first')
    await transport.send('second')
    expect(transport.pending.value.map((p) => [p.text, p.state])).toEqual([
      ['first', 'pending'],
      ['second', 'pending'],
    ])
    server.offline = false
    window.dispatchEvent(new Event('online'))
    await advance(0)
    expect(server.messages.map((m) => m.message)).toEqual(['first', 'second'])
    expect(transport.pending.value).toEqual([])
  })

  it('marks a message the server rejects as failed instead of retrying it', async () => {
    startTransport()
    await advance(0)
    server.forcedStatus = 400
    await transport.send('x')
    server.forcedStatus = null
    await advance(2000)
    expect(transport.pending.value).toMatchObject([{ text: 'x', state: 'failed' }])
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
  })
})
