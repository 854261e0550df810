import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import { createMemoryHistory, RouterView } from 'vue-router'
import { setToken } from '../api/client.js'
import MessageComposer from '../components/MessageComposer.vue'
import { createAppRouter } from '../router/index.js'
import { FakeChatServer } from '../testing/fakes.js'

enableAutoUnmount(afterEach)

let server
let router

/** The messages API from FakeChatServer, plus the few other endpoints the page calls. */
function fakeApi(input, init = {}) {
  const json = (body) => new Response(JSON.stringify(body), { status: 200 })
  if (input.endsWith('/members/')) return Promise.resolve(json({ uri: 'room1', members: [] }))
  if (input.startsWith('/auth/users/me/')) return Promise.resolve(json({ id: 1, username: 'me' }))
  if (input.startsWith('/api/commands/') || input === '/api/chats/') return Promise.resolve(json([]))
  return server.fetch(input, init)
}

async function openChatAndQueue(text) {
  router = createAppRouter(createMemoryHistory())
  await router.push('/chats/room1')
  const wrapper = mount({ render: () => h(RouterView) }, { global: { plugins: [router] } })
  await vi.advanceTimersByTimeAsync(0)
  server.offline = true
  wrapper.findComponent(MessageComposer).vm.$emit('send', text)
  await flushPromises()
  return wrapper
}

const beforeUnload = () => {
  const event = new Event('beforeunload', { cancelable: true })
  window.dispatchEvent(event)
  return event
}

beforeEach(() => {
  vi.useFakeTimers()
  server = new FakeChatServer('room1')
  vi.stubGlobal('fetch', fakeApi)
  vi.stubGlobal('WebSocket', undefined)
  setToken('t')
})

afterEach(() => {
  delete window.confirm // happy-dom has none; each test sets its own
  setToken(null)
  vi.useRealTimers()
})

describe('ChatPage with messages not yet sent', () => {
  it('asks before leaving, and stays if the answer is no', async () => {
    await openChatAndQueue('hello')
    const confirm = (window.confirm = vi.fn(() => false))
    await router.push('/')
    expect(confirm).toHaveBeenCalledOnce()
    expect(router.currentRoute.value.name).toBe('chat')
    confirm.mockReturnValue(true)
    await router.push('/')
    expect(router.currentRoute.value.name).toBe('home')
  })

  it('leaves without asking once everything is sent', async () => {
    await openChatAndQueue('hello')
    server.offline = false
    await vi.advanceTimersByTimeAsync(1000)
    const confirm = (window.confirm = vi.fn(() => true))
    await router.push('/')
    expect(confirm).not.toHaveBeenCalled()
    expect(router.currentRoute.value.name).toBe('home')
  })

  it('warns on closing the tab, and stops warning on unmount', async () => {
    const wrapper = await openChatAndQueue('hello')
    expect(beforeUnload().defaultPrevented).toBe(true)
    wrapper.unmount()
    expect(beforeUnload().defaultPrevented).toBe(false)
  })
})
