import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import MessageComposer from '../components/MessageComposer.vue'
import { advance, mountAt, useFakeChat } from '../testing/index.js'

const server = useFakeChat()

/** @param {string} text */
async function openChatAndQueue(text) {
  const { wrapper, router } = await mountAt('/chats/room1')
  await advance(0)
  server.offline = true
  wrapper.findComponent(MessageComposer).vm.$emit('send', text)
  await flushPromises()
  return { wrapper, router }
}

const beforeUnload = () => {
  const event = new Event('beforeunload', { cancelable: true })
  window.dispatchEvent(event)
  return event
}

afterEach(() => {
  // @ts-expect-error happy-dom has no window.confirm; each test sets its own
  delete window.confirm
})

describe('ChatPage with messages not yet sent', () => {
  it('asks before leaving, and stays if the answer is no', async () => {
    const { router } = await openChatAndQueue('hello')
    const confirm = (window.confirm = vi.fn(() => false))
    await router.push('/')
    expect(confirm).toHaveBeenCalledOnce()
    expect(router.currentRoute.value.name).toBe('chat')
    confirm.mockReturnValue(true)
    await router.push('/')
    expect(router.currentRoute.value.name).toBe('home')
  })

  it('leaves without asking once everything is sent', async () => {
    const { router } = await openChatAndQueue('hello')
    server.offline = false
    await advance(1000)
    const confirm = (window.confirm = vi.fn(() => true))
    await router.push('/')
    expect(confirm).not.toHaveBeenCalled()
    expect(router.currentRoute.value.name).toBe('home')
  })

  it('warns on closing the tab, and stops warning on unmount', async () => {
    const { wrapper } = await openChatAndQueue('hello')
    expect(beforeUnload().defaultPrevented).toBe(true)
    wrapper.unmount()
    expect(beforeUnload().defaultPrevented).toBe(false)
  })
})

describe('ChatPage joining', () => {
  it('retries a join that failed for the network after 1 s, 2 s, 4 s, then opens the chat', async () => {
    server.offline = true
    const joins = () => server.requests.filter((r) => r.path === '/api/chats/room1/members/').length
    const { wrapper } = await mountAt('/chats/room1')
    await advance(0)
    expect(joins()).toBe(1)
    await advance(1000)
    expect(joins()).toBe(2)
    await advance(1999)
    expect(joins()).toBe(2)
    await advance(1)
    expect(joins()).toBe(3)
    server.offline = false
    server.add('welcome')
    await advance(4000)
    expect(joins()).toBe(4)
    await advance(500) // the join's answer, then the transport's first fetch
    expect(wrapper.find('.message').text()).toContain('welcome') // joined: the transport started
  })
})
