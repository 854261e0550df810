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

describe('ChatPage opening', () => {
  it('retries an opening that failed for the network after 1 s, 2 s, 4 s, then opens the chat', async () => {
    server.offline = true
    const joins = () => server.requests.filter((r) => r.method === 'GET' && r.path === '/api/chats/room1/').length
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

describe('ChatPage for someone not in the chat', () => {
  it('says the chat does not exist or they are not in it, with a way home, and joins nobody', async () => {
    server.out = true
    const { wrapper } = await mountAt('/chats/room1')
    await advance(0)
    expect(wrapper.find('[role="alert"] h1').text()).toBe('This chat does not exist or you are not in it')
    expect(wrapper.find('a[href="/"]').text()).toBe('Back to your chats')
    expect(wrapper.find('.chat__header').exists()).toBe(false)
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false)
  })

  it('says the same once removed while reading', async () => {
    const { wrapper } = await mountAt('/chats/room1')
    await advance(0)
    expect(wrapper.find('.chat__header').exists()).toBe(true)
    server.out = true // removed: the next poll is a 403
    await advance(1000)
    expect(wrapper.text()).toContain('This chat does not exist or you are not in it')
  })
})

describe('ChatPage header', () => {
  it('reads the chat again when a join or a rename is told in it', async () => {
    const { wrapper } = await mountAt('/chats/room1')
    await advance(0)
    expect(wrapper.find('.chat__header').text()).toContain('1 member')
    server.addMember('bob')
    server.title = 'Team'
    const joined = server.add('', 'bob')
    server.change(joined.seq, { kind: 'system', event: { type: 'join', user: joined.user } })
    await advance(1000)
    expect(wrapper.find('h1').text()).toBe('Team')
    expect(wrapper.find('.chat__header').text()).toContain('2 members')
  })

  it('opens the member panel from the member count, and goes home after leaving', async () => {
    const { wrapper, router } = await mountAt('/chats/room1')
    await advance(0)
    await wrapper
      .findAll('button')
      .find((b) => b.text() === '1 member')
      ?.trigger('click')
    expect(wrapper.find('[role="dialog"]').exists()).toBe(true)
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Leave chat')
      ?.trigger('click')
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Leave')
      ?.trigger('click')
    await advance(0)
    expect(router.currentRoute.value.name).toBe('home')
  })
})
