import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { advance, useFakeChat } from '../testing/index.js'
import ChatHeader from './ChatHeader.vue'

const server = useFakeChat()

/** @param {Partial<import('../api/types.js').Session>} [changes] */
async function header(changes = {}) {
  const wrapper = mount(ChatHeader, {
    props: { chat: { ...server.session(), ...changes }, name: 'Team', status: 'live' },
    attachTo: document.body,
  })
  await advance(0)
  return wrapper
}

const button = (wrapper, name) => wrapper.findAll('button').find((b) => b.text() === name)

describe('ChatHeader', () => {
  it('shows the name, the member count that opens the panel, and the invite', async () => {
    server.addMember('bob')
    const wrapper = await header()
    expect(wrapper.find('h1').text()).toBe('Team')
    await button(wrapper, '2 members').trigger('click')
    expect(wrapper.emitted('members')).toHaveLength(1)
    expect(wrapper.find('.invite button').exists()).toBe(true)
  })

  it('lets the owner rename in place: Enter saves, and the new chat goes up', async () => {
    const wrapper = await header()
    await button(wrapper, 'Rename').trigger('click')
    const input = wrapper.find('input')
    expect(document.activeElement).toBe(input.element)
    await input.setValue('  Project X ')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(server.requests.at(-1)).toMatchObject({ method: 'PATCH', path: '/api/chats/room1/' })
    expect(wrapper.emitted('changed')?.[0][0].title).toBe('Project X')
    expect(wrapper.find('form').exists()).toBe(false)
    expect(document.activeElement?.textContent?.trim()).toBe('Rename')
  })

  it('keeps the form and says why when the server refuses the title', async () => {
    const wrapper = await header()
    await button(wrapper, 'Rename').trigger('click')
    await wrapper.find('input').setValue('bad')
    server.forcedStatus = 400
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[role="alert"]').text()).toBe("Couldn't rename the chat: forced")
    expect(wrapper.find('input').attributes('aria-invalid')).toBe('true')
  })

  it('sends nothing when the name did not change, and Escape cancels', async () => {
    const wrapper = await header({ title: 'Team' })
    await button(wrapper, 'Rename').trigger('click')
    const before = server.requests.length
    await wrapper.find('form').trigger('submit')
    expect(server.requests.length).toBe(before)
    await button(wrapper, 'Rename').trigger('click')
    await wrapper.find('form').trigger('keydown', { key: 'Escape' })
    expect(wrapper.find('form').exists()).toBe(false)
  })

  it('offers no renaming to a member, and no invite in a direct chat', async () => {
    expect(button(await header({ role: 'member' }), 'Rename')).toBeUndefined()
    const direct = await header({ kind: 'direct', invite: null })
    expect(button(direct, 'Rename')).toBeUndefined()
    expect(direct.find('.invite').exists()).toBe(false)
  })
})
