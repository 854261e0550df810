import { describe, expect, it } from 'vitest'
import { advance, mountAt, useFakeChat } from '../testing/index.js'

const server = useFakeChat()

/** @param {number} id @param {object} [fields] */
const mention = (id, fields = {}) => ({
  id,
  kind: 'mention',
  text: `bob mentioned you: look ${id}`,
  actor: { id: 2, username: 'bob' },
  session: 'room1',
  seq: id,
  read: false,
  created_at: new Date(Date.UTC(2026, 0, 1, 12, id)).toISOString(),
  ...fields,
})

describe('MentionsPage', () => {
  it('links each mention to its message in the chat', async () => {
    server.notifications = [mention(2), mention(1, { read: true })]
    const { wrapper } = await mountAt('/mentions')
    await advance(0)
    const links = wrapper.findAll('.mentions__link')
    expect(links.map((link) => link.text())).toEqual(['bob mentioned you: look 2', 'bob mentioned you: look 1'])
    expect(links[0].attributes('href')).toBe('/chats/room1?seq=2')
    expect(wrapper.findAll('button').filter((b) => b.text() === 'Mark read')).toHaveLength(1)
  })

  it('shows a new mention without a reload', async () => {
    const { wrapper } = await mountAt('/mentions')
    await advance(0)
    expect(wrapper.text()).toContain('Nobody has mentioned you yet.')
    server.notifications = [mention(1)]
    await advance(4000) // the chat list's poll (no socket here) sees the unread mention
    await advance(0)
    expect(wrapper.findAll('.mentions__link').map((link) => link.text())).toEqual(['bob mentioned you: look 1'])
  })

  it('marks one read, then all', async () => {
    server.notifications = [mention(2), mention(1)]
    const { wrapper } = await mountAt('/mentions')
    await advance(0)
    await wrapper.find('[aria-label="Mark read: bob mentioned you: look 2"]').trigger('click')
    await advance(0)
    expect(server.notifications.map((n) => n.read)).toEqual([true, false])
    const markAll = wrapper.findAll('button').find((b) => b.text() === 'Mark all read')
    await markAll?.trigger('click')
    await advance(0)
    expect(server.notifications.every((n) => n.read)).toBe(true)
    expect(markAll?.attributes('disabled')).toBeDefined()
  })

  it('says so when nobody has mentioned one', async () => {
    const { wrapper } = await mountAt('/mentions')
    await advance(0)
    expect(wrapper.text()).toContain('Nobody has mentioned you yet.')
  })
})
