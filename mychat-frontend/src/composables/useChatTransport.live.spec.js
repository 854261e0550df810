import { beforeEach, describe, expect, it, vi } from 'vitest'
import { onUnauthorized, setToken, token } from '../api/client.js'
import { advance, FakeWebSocket, useFakeChat, withScope } from '../testing/index.js'
import { useChatTransport } from './useChatTransport.js'

const server = useFakeChat({ socket: true })
/** @type {ReturnType<typeof useChatTransport>} */
let transport

const seqs = () => transport.messages.value.map((m) => m.seq)
const posts = () => server.requests.filter((r) => r.method === 'POST')

/** Starts the transport and opens its socket: status live, polling off. */
async function startLive() {
  transport = withScope(() => useChatTransport('room1'))
  transport.start()
  await advance(0)
  FakeWebSocket.latest.open()
  await advance(0)
  expect(transport.status.value).toBe('live')
  return transport
}

describe('sending while the socket is live', () => {
  it('retries a failed send on the outbox timer, though nothing polls', async () => {
    await startLive()
    server.offline = true
    await transport.send('hello')
    expect(transport.pending.value).toMatchObject([{ state: 'pending' }])
    expect(transport.status.value).toBe('live')
    server.offline = false
    await advance(1000)
    expect(transport.pending.value).toEqual([])
    expect(server.messages.map((m) => m.message)).toEqual(['hello'])
  })
})

describe('a busy server (429/5xx) on send', () => {
  beforeEach(() => vi.stubGlobal('WebSocket', undefined))

  it('honours Retry-After and keeps the badge on polling while GETs work', async () => {
    transport = withScope(() => useChatTransport('room1'))
    transport.start()
    await advance(0)
    server.forcedStatus = 429
    server.forcedMethod = 'POST'
    server.forcedHeaders = { 'Retry-After': '10' }
    await transport.send('hi')
    await advance(9000) // 18 successful polls
    expect(posts()).toHaveLength(1)
    expect(transport.status.value).toBe('polling')
    server.forcedStatus = null
    await advance(1000)
    expect(posts()).toHaveLength(2)
    expect(transport.pending.value).toEqual([])
  })

  it('backs off on 5xx instead of retrying on every poll, and does not show offline', async () => {
    transport = withScope(() => useChatTransport('room1'))
    transport.start()
    await advance(0)
    server.forcedStatus = 502
    server.forcedMethod = 'POST'
    await transport.send('hi')
    await advance(7000) // retries at 1 s, 3 s and 7 s; a poll every 500 ms meanwhile
    expect(posts()).toHaveLength(4)
    expect(transport.status.value).toBe('polling')
  })
})

describe('safety poll while live', () => {
  it('checks the cursor every 20 s with If-None-Match, and finds a lost last push', async () => {
    server.add('one')
    await startLive()
    const polls = server.pollsAfterNow()
    await advance(19999)
    expect(polls()).toHaveLength(0)
    await advance(1)
    expect(polls()).toHaveLength(1)
    await advance(20000)
    expect(polls()).toHaveLength(2)
    expect(polls()[1].headers['If-None-Match']).toBe('"1.?since=1&limit=100"') // a 304 when nothing was missed

    server.add('two') // its push was lost
    await advance(20000)
    expect(seqs()).toEqual([1, 2])
    expect(transport.status.value).toBe('live')
  })

  it('gives up on a half-open socket: shows offline, polls, and reconnects', async () => {
    await startLive()
    server.offline = true
    await advance(20000)
    expect(transport.status.value).toBe('offline')
    expect(FakeWebSocket.instances[0].closedWith).toBe(4000)
    const polls = server.pollsAfterNow()
    await advance(1000)
    expect(polls().length).toBeGreaterThan(0)
    expect(FakeWebSocket.instances).toHaveLength(2)
  })

  it('catches up when the tab becomes visible or the network comes back, socket or not', async () => {
    await startLive()
    const polls = server.pollsAfterNow()
    document.dispatchEvent(new Event('visibilitychange'))
    await advance(0)
    expect(polls()).toHaveLength(1)
    window.dispatchEvent(new Event('online'))
    await advance(0)
    expect(polls()).toHaveLength(2)
  })

  it('stops the safety poll and the outbox timer on stop()', async () => {
    await startLive()
    server.offline = true
    await transport.send('x')
    transport.stop()
    const requests = server.requests.length
    await advance(120000)
    expect(server.requests.length).toBe(requests)
  })
})

describe('a socket closed 4401 for an old token', () => {
  it('does not drop a newer token, and reconnects with it', async () => {
    const toSignIn = vi.fn()
    onUnauthorized(toSignIn)
    await startLive()
    setToken('newer-token') // signed in again, e.g. in another tab
    FakeWebSocket.latest.drop(4401)
    expect(toSignIn).not.toHaveBeenCalled()
    expect(token.value).toBe('newer-token')
    await advance(1000)
    expect(FakeWebSocket.latest.url).toContain('token=newer-token')
  })
})
