import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { advance, useFakeChat } from '../testing/index.js'
import MemberPanel from './MemberPanel.vue'

const server = useFakeChat()

async function openPanel() {
  const wrapper = mount(MemberPanel, {
    props: { chat: server.session(), viewerId: server.me.id },
    attachTo: document.body,
  })
  await advance(0)
  await flushPromises()
  return wrapper
}

const rows = (wrapper) => wrapper.findAll('.member').map((row) => row.find('.member__who').text().replace(/\s+/g, ' '))
const button = (wrapper, name) => wrapper.findAll('button').find((b) => b.text() === name)

describe('MemberPanel', () => {
  it('lists the members with their roles, me marked, in an accessible dialog', async () => {
    server.addMember('bob')
    const wrapper = await openPanel()
    const dialog = wrapper.find('[role="dialog"]')
    expect(dialog.attributes('aria-modal')).toBe('true')
    expect(wrapper.find(`#${dialog.attributes('aria-labelledby')}`).text()).toBe('2 members')
    expect(rows(wrapper)).toEqual(['me (you) Owner', 'bob Member'])
    expect(document.activeElement?.textContent?.trim()).toBe('Close') // focus moved into the dialog
  })

  it('lets the owner remove a member after asking, and says so', async () => {
    server.addMember('bob')
    const wrapper = await openPanel()
    await button(wrapper, 'Remove').trigger('click')
    expect(wrapper.find('[role="group"]').attributes('aria-label')).toBe('Remove bob from this chat?')
    expect(document.activeElement?.textContent?.trim()).toBe('Cancel') // the safe answer has the focus
    await button(wrapper, 'Remove bob').trigger('click')
    await flushPromises()
    expect(rows(wrapper)).toEqual(['me (you) Owner'])
    expect(wrapper.find('[role="status"]').text()).toBe(
      'bob was removed. The invite link was reset too (they had seen it): share the new one.',
    )
    expect(server.requests.at(-1)).toMatchObject({ method: 'DELETE', path: '/api/chats/room1/members/3/' })
  })

  it('cancels a removal with Escape and keeps everyone', async () => {
    server.addMember('bob')
    const wrapper = await openPanel()
    await button(wrapper, 'Remove').trigger('click')
    await wrapper.find('[role="group"]').trigger('keydown', { key: 'Escape' })
    await flushPromises()
    expect(rows(wrapper)).toHaveLength(2)
    expect(wrapper.emitted('close')).toBeUndefined() // Escape answered the question, not the dialog
    expect(document.activeElement?.textContent?.trim()).toBe('Remove')
  })

  it('offers a member no removal and no owner actions, but leaving and messaging', async () => {
    server.members = []
    server.addMember('alice')
    server.join(server.me)
    const wrapper = await openPanel()
    expect(button(wrapper, 'Remove')).toBeUndefined()
    expect(button(wrapper, 'Delete chat')).toBeUndefined()
    expect(button(wrapper, 'Reset invite link')).toBeUndefined()
    await wrapper.find('[aria-label="Message alice directly"]').trigger('click')
    expect(wrapper.emitted('message')?.[0]).toEqual([{ id: 5, username: 'alice', display_name: '', avatar_url: null }])
  })

  it('says in words why a removal failed', async () => {
    server.addMember('bob')
    const wrapper = await openPanel()
    server.forcedStatus = 429
    await button(wrapper, 'Remove').trigger('click')
    await button(wrapper, 'Remove bob').trigger('click')
    await flushPromises()
    expect(wrapper.find('[role="alert"]').text()).toBe(
      "Couldn't remove bob: too many changes at once. Wait a moment and try again.",
    )
    expect(rows(wrapper)).toHaveLength(2)
  })

  it('resets the invite link, after asking, and hands the new one up', async () => {
    const wrapper = await openPanel()
    await button(wrapper, 'Reset invite link').trigger('click')
    await button(wrapper, 'Reset link').trigger('click')
    await flushPromises()
    const [[changed]] = /** @type {any[][]} */ (wrapper.emitted('changed'))
    expect(changed.invite.code).toBe('code1x')
    expect(wrapper.find('[role="status"]').text()).toContain('the old one no longer works')
  })

  it.each([
    ['Leave chat', 'Leave', 'DELETE /api/chats/room1/members/me/'],
    ['Delete chat', 'Delete for everyone', 'DELETE /api/chats/room1/'],
  ])('%s, once confirmed, tells the page the chat is gone', async (action, confirm, request) => {
    const wrapper = await openPanel()
    await button(wrapper, action).trigger('click')
    await button(wrapper, confirm).trigger('click')
    await flushPromises()
    const last = server.requests.at(-1)
    expect(`${last?.method} ${last?.path}`).toBe(request)
    expect(wrapper.emitted('gone')).toHaveLength(1)
  })

  it('warns the last member that leaving deletes the chat', async () => {
    const wrapper = await openPanel()
    await button(wrapper, 'Leave chat').trigger('click')
    expect(wrapper.find('[role="group"]').attributes('aria-label')).toContain('it will be deleted')
  })

  it('closes on Escape and on its close button', async () => {
    const wrapper = await openPanel()
    await wrapper.find('[role="dialog"]').trigger('keydown', { key: 'Escape' })
    await button(wrapper, 'Close').trigger('click')
    expect(wrapper.emitted('close')).toHaveLength(2)
  })

  it('pages through a big chat', async () => {
    for (let n = 0; n < 60; n += 1)
      server.join({ id: 100 + n, username: `student${n}`, display_name: '', avatar_url: null })
    const wrapper = await openPanel()
    expect(rows(wrapper)).toHaveLength(50)
    await button(wrapper, 'Show more members').trigger('click')
    await flushPromises()
    expect(rows(wrapper)).toHaveLength(61)
    expect(button(wrapper, 'Show more members')).toBeUndefined()
  })
})
