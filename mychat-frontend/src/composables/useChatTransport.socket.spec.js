import { describe, expect, it, vi } from 'vitest'
import { onUnauthorized } from '../api/client.js'
import { advance, FakeWebSocket, useFakeChat, withScope } from '../testing/index.js'
import { useChatTransport } from './useChatTransport.js'

const server = useFakeChat({ socket: true })
/** @type {ReturnType<typeof useChatTransport>} */
let transport

const seqs = () => transport.messages.value.map((m) => m.seq)

function startTransport() {
  transport = withScope(() => useChatTransport('room1'))
  transport.start()
  return transport
}

describe('WebSocket upgrade', () => {
  it('connects to /ws/chats/<uri>/ with the token', () => {
    startTransport()
    expect(FakeWebSocket.latest.url).toBe(
      'ws://localhost:3000/ws/chats/room1/?token=secret-token&lang=en'.replace('localhost:3000', location.host),
    )
  })

  it('poll → socket → drop → poll → socket', async () => {
    server.add('one')
    startTransport()
    await advance(0)
    expect(transport.status.value).toBe('polling')

    // socket opens: status live, a catch-up fetch, then no more polling
    FakeWebSocket.latest.open()
    expect(transport.status.value).toBe('live')
    await advance(0)
    const whileLive = server.pollsAfterNow()
    await advance(5000)
    expect(whileLive()).toHaveLength(0)

    // pushes are merged
    FakeWebSocket.latest.push({ type: 'message', message: server.add('two') })
    expect(seqs()).toEqual([1, 2])

    // drop: polling resumes at once, the socket is retried after 1 s
    const afterDrop = server.pollsAfterNow()
    FakeWebSocket.latest.drop(1006)
    expect(transport.status.value).toBe('polling')
    server.add('three')
    await advance(0)
    expect(afterDrop()).toHaveLength(1)
    expect(seqs()).toEqual([1, 2, 3])
    expect(FakeWebSocket.instances).toHaveLength(1)
    await advance(1000)
    expect(FakeWebSocket.instances).toHaveLength(2)

    // reconnect: live again, catch-up fetch, polling stops
    server.add('four')
    FakeWebSocket.latest.open()
    await advance(0)
    expect(transport.status.value).toBe('live')
    expect(seqs()).toEqual([1, 2, 3, 4])
    const liveAgain = server.pollsAfterNow()
    await advance(5000)
    expect(liveAgain()).toHaveLength(0)
  })

  it("shows my message once when its push comes before its POST's answer", async () => {
    /** @type {(value?: unknown) => void} */
    let answer = () => {}
    vi.stubGlobal('fetch', async (/** @type {string} */ input, /** @type {any} */ init = {}) => {
      const response = await server.fetch(input, init)
      if (init.method === 'POST') await new Promise((resolve) => (answer = resolve)) // stored, not yet answered
      return response
    })
    startTransport()
    await advance(0)
    FakeWebSocket.latest.open()
    await advance(0)
    transport.send('hello')
    await advance(0)
    expect(transport.pending.value).toHaveLength(1)

    FakeWebSocket.latest.push({ type: 'message', message: server.messages.at(-1) })
    expect(transport.messages.value.map((m) => m.message)).toEqual(['hello'])
    expect(transport.pending.value).toHaveLength(0)

    answer()
    await advance(0)
    expect(transport.messages.value.map((m) => m.message)).toEqual(['hello'])
    expect(transport.pending.value).toHaveLength(0)
  })

  it('retries a failing socket with exponential backoff while polling carries on', async () => {
    startTransport()
    await advance(0)
    FakeWebSocket.latest.drop(1006) // e.g. no WebSocket route on this server
    await advance(1000)
    expect(FakeWebSocket.instances).toHaveLength(2)
    FakeWebSocket.latest.drop(1006)
    await advance(1999)
    expect(FakeWebSocket.instances).toHaveLength(2)
    await advance(1)
    expect(FakeWebSocket.instances).toHaveLength(3)
    FakeWebSocket.latest.drop(1006)
    await advance(4000)
    expect(FakeWebSocket.instances).toHaveLength(4)
    expect(transport.status.value).toBe('polling')
    const polls = server.pollsAfterNow()
    await advance(1000)
    expect(polls()).toHaveLength(2)
  })

  it('ignores duplicate pushes and pushes of what polling already showed', async () => {
    startTransport()
    FakeWebSocket.latest.open()
    await advance(0)
    const message = server.add('one')
    FakeWebSocket.latest.push({ type: 'message', message })
    FakeWebSocket.latest.push({ type: 'message', message })
    FakeWebSocket.latest.push({ type: 'notification', notification: { id: 1 } })
    FakeWebSocket.latest.onmessage?.({ data: 'not json' })
    expect(seqs()).toEqual([1])
  })

  it('fetches the missing changes when a push skips a rev', async () => {
    startTransport()
    FakeWebSocket.latest.open()
    await advance(0)
    server.add('one') // never pushed: the channel layer is at-most-once
    const two = server.add('two')
    const fetches = server.pollsAfterNow()
    FakeWebSocket.latest.push({ type: 'message', message: two })
    await advance(0)
    expect(fetches().map((r) => r.path)).toEqual(['/api/chats/room1/messages/?since=0&limit=100'])
    expect(seqs()).toEqual([1, 2])
  })

  it.each([4403, 4404])('does not retry after close code %i', async (code) => {
    startTransport()
    await advance(0)
    FakeWebSocket.latest.drop(code)
    await advance(120000)
    expect(FakeWebSocket.instances).toHaveLength(1)
  })

  it('sends the user to sign-in on close code 4401', async () => {
    const toSignIn = vi.fn()
    onUnauthorized(toSignIn)
    startTransport()
    await advance(0)
    FakeWebSocket.latest.drop(4401)
    await advance(120000)
    expect(toSignIn).toHaveBeenCalledTimes(1)
    expect(FakeWebSocket.instances).toHaveLength(1)
    expect(transport.status.value).toBe('stopped')
  })

  it('closes the socket and stops every timer on stop()', async () => {
    startTransport()
    FakeWebSocket.latest.open()
    await advance(0)
    transport.stop()
    expect(FakeWebSocket.latest.closedWith).toBe(1000)
    const requests = server.requests.length
    await advance(120000)
    expect(server.requests.length).toBe(requests)
    expect(FakeWebSocket.instances).toHaveLength(1)
  })
})
