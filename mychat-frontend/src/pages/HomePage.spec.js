import { describe, expect, it } from 'vitest'
import { POLL_MS } from '../composables/useChatList.js'
import { advance, mountAt, useFakeChat } from '../testing/index.js'

const server = useFakeChat()

describe('HomePage', () => {
  it("lists the chats with each one's last message, last activity and unread count", async () => {
    server.add('one')
    server.add('two')
    const { wrapper } = await mountAt('/')
    await advance(0)
    const { last_activity_at: lastActivity, created_at: created } = server.session()
    expect(lastActivity).not.toBe(created)
    expect(wrapper.find('.chat-list__last').text()).toBe('bob: two')
    expect(wrapper.find('.chat-list__meta time').attributes('datetime')).toBe(lastActivity)
    expect(wrapper.find('.chat-list__badges').attributes('aria-label')).toBe('2 unread messages')
    expect(wrapper.find('.chat-list__badges .badge').text()).toBe('2')
  })

  it('shows no badge for a chat read to the end', async () => {
    server.add('one')
    server.lastRead = 1
    const { wrapper } = await mountAt('/')
    await advance(0)
    expect(wrapper.find('.chat-list__badges').exists()).toBe(false)
    expect(document.title).toBe('mychat')
  })
})

describe('HomePage kept live without a socket', () => {
  it('polls with the ETag (a 304 while idle) and shows news within a poll', async () => {
    const { wrapper } = await mountAt('/')
    await advance(0)
    const lists = () => server.requests.filter((r) => r.path === '/api/chats/')
    await advance(POLL_MS)
    expect(lists()).toHaveLength(2)
    expect(lists()[1].headers['If-None-Match']).toBeTruthy()
    expect(wrapper.find('.chat-list__badges').exists()).toBe(false)
    server.add('news')
    server.add('more news')
    await advance(POLL_MS)
    expect(wrapper.find('.chat-list__badges .badge').text()).toBe('2')
    expect(document.title).toBe('(2) mychat')
    expect(document.querySelector('link[rel="icon"]')?.getAttribute('href')).toMatch(/^data:image\/svg\+xml,/)
  })

  it('puts the title back when the page goes', async () => {
    server.add('news')
    const { wrapper } = await mountAt('/')
    await advance(0)
    expect(document.title).toBe('(1) mychat')
    wrapper.unmount()
    expect(document.title).toBe('mychat')
  })
})

describe('HomePage starting a chat', () => {
  it('names the new chat when a name is given, and opens it', async () => {
    const { wrapper, router } = await mountAt('/')
    await advance(0)
    await wrapper.find('#new-chat-title').setValue('Project X')
    await wrapper.find('form').trigger('submit')
    await advance(0)
    const sent = server.requests.find((r) => r.method === 'POST' && r.path === '/api/chats/')
    expect(JSON.parse(sent?.body)).toEqual({ title: 'Project X' })
    expect(router.currentRoute.value.fullPath).toBe('/chats/room1')
  })

  it('starts an unnamed chat when the name is left empty', async () => {
    const { wrapper } = await mountAt('/')
    await advance(0)
    await wrapper.find('form').trigger('submit')
    await advance(0)
    expect(JSON.parse(server.requests.find((r) => r.method === 'POST')?.body)).toEqual({})
  })

  it('says so in words when too many chats were started', async () => {
    const { wrapper } = await mountAt('/')
    await advance(0)
    server.forcedStatus = 429
    await wrapper.find('form').trigger('submit')
    await advance(0)
    expect(wrapper.find('[role="alert"]').text()).toBe(
      'You started many chats in a short time. Wait a while and try again.',
    )
  })

  it('names a direct chat after the other person, and marks it', async () => {
    server.kind = 'direct'
    server.addMember('bob')
    const { wrapper } = await mountAt('/')
    await advance(0)
    expect(wrapper.find('.chat-list__name').text().replace(/\s+/g, ' ')).toBe('bob direct')
  })

  it('no longer lists a chat one has left', async () => {
    server.out = true
    const { wrapper } = await mountAt('/')
    await advance(0)
    expect(wrapper.find('.chat-list').exists()).toBe(false)
  })
})
