import { describe, expect, it } from 'vitest'
import { SOCKET_POLL_MS } from '../composables/useChatList.js'
import { advance, FakeWebSocket, mountAt, useFakeChat } from '../testing/index.js'

const server = useFakeChat({ socket: true })

async function openHome() {
  const { wrapper } = await mountAt('/')
  await advance(0)
  const socket = FakeWebSocket.latest
  socket.open()
  await advance(0)
  return { wrapper, socket }
}

describe('HomePage over the notification socket', () => {
  it('listens on the notification socket', async () => {
    const { socket } = await openHome()
    expect(socket.url).toMatch(/\/ws\/notifications\/\?token=secret-token&lang=en$/)
  })

  it('shows a pushed chat at once, moved to the top with its badge and the title', async () => {
    const { wrapper } = await openHome()
    const requestsBefore = server.requests.length
    server.add('hello @me')
    FakeWebSocket.latest.push({ type: 'chat', chat: { ...server.summary(), mention_count: 1 } })
    await advance(0)
    expect(wrapper.find('.chat-list__badges').attributes('aria-label')).toBe('1 unread message, 1 mention')
    expect(wrapper.find('.chat-list__last').text()).toBe('bob: hello @me')
    expect(document.title).toBe('(1) mychat')
    expect(server.requests.length).toBe(requestsBefore) // no request needed
  })

  it('takes out a chat one was removed from', async () => {
    const { wrapper } = await openHome()
    FakeWebSocket.latest.push({ type: 'chat_removed', chat_removed: { uri: 'room1' } })
    await advance(0)
    expect(wrapper.find('.chat-list').exists()).toBe(false)
  })

  it('polls only now and then while the socket is open, and often once it drops', async () => {
    const { socket } = await openHome()
    const lists = () => server.requests.filter((r) => r.path === '/api/chats/').length
    const before = lists()
    await advance(SOCKET_POLL_MS - 1)
    expect(lists()).toBe(before)
    await advance(1)
    expect(lists()).toBe(before + 1)
    socket.drop()
    await advance(5000)
    expect(lists()).toBeGreaterThan(before + 1)
  })
})
