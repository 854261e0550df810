import { describe, expect, it } from 'vitest'
import { advance, mountAt, useFakeChat } from '../testing/index.js'

const server = useFakeChat()

describe('HomePage', () => {
  it("lists the chats with each one's message count and last activity", async () => {
    server.add('one')
    server.add('two')
    const { wrapper } = await mountAt('/')
    await advance(0)
    const { last_activity_at: lastActivity, created_at: created } = server.session()
    expect(lastActivity).not.toBe(created)
    expect(wrapper.find('.chat-list__meta').text()).toMatch(/^2 messages ·/)
    expect(wrapper.find('.chat-list__meta time').attributes('datetime')).toBe(lastActivity)
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
