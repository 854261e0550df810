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
