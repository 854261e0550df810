import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import { fakeMessage } from '../testing/fakes.js'
import { useFakeChat } from '../testing/index.js'
import MessageItem from './MessageItem.vue'

useFakeChat() // the editor asks the server for the length limit
const alice = { id: 1, username: 'alice', display_name: '', avatar_url: null }

beforeEach(() => localStorage.clear())

/** @param {Partial<import('../api/types.js').Message>} [fields] @param {Record<string, unknown>} [props] */
const mountItem = (fields = {}, props = {}) =>
  mount(MessageItem, {
    props: {
      message: fakeMessage({ seq: 3, user: alice, message: 'hi', created_at: '2025-01-01T12:00:00Z', ...fields }),
      viewerId: 2,
      ...props,
    },
    attachTo: document.body,
  })

/** @param {import('@vue/test-utils').VueWrapper} wrapper */
const showActions = (wrapper) => wrapper.trigger('focusin')

/** @param {import('@vue/test-utils').VueWrapper} wrapper @param {string} label */
const button = (wrapper, label) => wrapper.find(`button[aria-label="${label}"]`)

describe('MessageItem', () => {
  it('shows author, time and text', () => {
    const wrapper = mountItem()
    expect(wrapper.find('.message__author').text()).toBe('alice')
    expect(wrapper.find('time').attributes('datetime')).toBe('2025-01-01T12:00:00Z')
    expect(wrapper.find('.message-text').text()).toBe('hi')
  })

  it('shows a display name with the username beside it, so that a name cannot pass for someone else', () => {
    const wrapper = mountItem({ user: { ...alice, display_name: 'Bob' } })
    expect(wrapper.find('.message__author').text()).toBe('Bob')
    expect(wrapper.find('.message__username').text()).toBe('@alice')
    expect(mountItem().find('.message__username').exists()).toBe(false)
  })

  it('puts my messages on my side, and marks the bot visibly', () => {
    expect(mountItem({}, { mine: true }).classes()).toContain('message--mine')
    expect(mountItem().classes()).not.toContain('message--mine')
    const bot = mountItem({ is_bot: true, user: { id: 9, username: 'hubot', display_name: '', avatar_url: null } })
    expect(bot.classes()).toContain('message--bot')
    expect(bot.find('.message__bot-badge').text()).toBe('bot')
  })

  it('leaves out the author line in a group, but still names the author for screen readers', () => {
    const wrapper = mountItem({}, { grouped: true })
    expect(wrapper.find('.message__meta').exists()).toBe(false)
    expect(wrapper.find('.visually-hidden').text()).toContain('alice')
  })

  it('says "(edited)", with the time of the edit', () => {
    expect(mountItem().find('.message__edited').exists()).toBe(false)
    const edited = mountItem({ edited_at: '2025-01-01T12:05:00Z' }).find('.message__edited')
    expect(edited.text()).toBe('(edited)')
    expect(edited.attributes('title')).toContain('Edited')
  })

  it('shows a deleted message as a muted line, with no actions', async () => {
    const wrapper = mountItem({ deleted: true, message: '' })
    expect(wrapper.find('.message__deleted').text()).toBe('message deleted')
    await showActions(wrapper)
    expect(wrapper.find('[role=toolbar]').exists()).toBe(false)
  })

  it('quotes the message it answers, and jumps to it on a click', async () => {
    const wrapper = mountItem({
      reply_to: {
        seq: 1,
        user: { id: 5, username: 'bob', display_name: '', avatar_url: null },
        excerpt: 'first!',
        deleted: false,
      },
    })
    const quote = wrapper.find('.reply-quote')
    expect(quote.text()).toContain('bob')
    expect(quote.text()).toContain('first!')
    await quote.trigger('click')
    expect(wrapper.emitted('jump')).toEqual([[1]])
    const gone = mountItem({
      reply_to: {
        seq: 1,
        user: { id: 5, username: 'bob', display_name: '', avatar_url: null },
        excerpt: '',
        deleted: true,
      },
    })
    expect(gone.find('.reply-quote').text()).toBe('deleted message')
  })

  it('shows its actions on keyboard focus, in a labelled toolbar', async () => {
    const wrapper = mountItem()
    expect(wrapper.find('[role=toolbar]').exists()).toBe(false)
    await showActions(wrapper)
    const toolbar = wrapper.find('[role=toolbar]')
    expect(toolbar.attributes('aria-label')).toBe('Message actions')
    expect(toolbar.findAll('button').map((b) => b.attributes('aria-label'))).toEqual(['Add reaction', 'Reply'])
  })

  it('shows its actions on hover, and on the ⋯ button (touch)', async () => {
    const wrapper = mountItem()
    await wrapper.trigger('pointerenter', { pointerType: 'mouse' })
    expect(wrapper.find('[role=toolbar]').exists()).toBe(true)
    await wrapper.trigger('pointerleave')
    expect(wrapper.find('[role=toolbar]').exists()).toBe(false)
    await button(wrapper, 'More actions').trigger('click')
    expect(wrapper.find('[role=toolbar]').exists()).toBe(true)
  })

  it('leaves a touch or a click alone: no hover there, and focus after a press is not the keyboard', async () => {
    const wrapper = mountItem()
    await wrapper.trigger('pointerenter', { pointerType: 'touch' })
    await wrapper.trigger('pointerdown')
    await wrapper.trigger('focusin')
    expect(wrapper.find('[role=toolbar]').exists()).toBe(false)
  })

  it('keeps its actions while the reaction picker is open', async () => {
    const wrapper = mountItem()
    await wrapper.trigger('pointerenter', { pointerType: 'mouse' })
    await button(wrapper, 'Add reaction').trigger('click')
    await wrapper.trigger('pointerleave')
    expect(wrapper.find('.reaction-picker').exists()).toBe(true)
  })

  it('offers Edit on my own messages only, Delete on mine or to the chat owner', async () => {
    const labels = async (props) => {
      const wrapper = mountItem({}, props)
      await showActions(wrapper)
      return wrapper.findAll('[role=toolbar] > button').map((b) => b.attributes('aria-label'))
    }
    expect(await labels({ mine: true, canDelete: true })).toEqual(['Add reaction', 'Reply', 'Edit', 'Delete'])
    expect(await labels({ canDelete: true })).toEqual(['Add reaction', 'Reply', 'Delete'])
    expect(await labels({})).toEqual(['Add reaction', 'Reply'])
  })

  it('emits reply and edit with the message', async () => {
    const wrapper = mountItem({}, { mine: true })
    await showActions(wrapper)
    await button(wrapper, 'Reply').trigger('click')
    await showActions(wrapper)
    await button(wrapper, 'Edit').trigger('click')
    expect(wrapper.emitted('reply')?.[0][0]).toMatchObject({ seq: 3 })
    expect(wrapper.emitted('edit')?.[0][0]).toMatchObject({ seq: 3 })
  })

  it('asks before deleting, and deletes only on yes', async () => {
    const wrapper = mountItem({}, { canDelete: true })
    await showActions(wrapper)
    await button(wrapper, 'Delete').trigger('click')
    const dialog = wrapper.find('[role=alertdialog]')
    expect(dialog.text()).toContain("Delete alice's message for everyone?")
    expect(document.activeElement?.textContent?.trim()).toBe('Cancel')
    await dialog.findAll('button')[1].trigger('click')
    expect(wrapper.find('[role=alertdialog]').exists()).toBe(false)
    expect(wrapper.emitted('delete')).toBeUndefined()

    await showActions(wrapper)
    await button(wrapper, 'Delete').trigger('click')
    await wrapper.find('[role=alertdialog]').findAll('button')[0].trigger('click')
    expect(wrapper.emitted('delete')).toEqual([[3]])
  })

  it('reacts with an emoji from the picker, and remembers it', async () => {
    const wrapper = mountItem()
    await showActions(wrapper)
    await button(wrapper, 'Add reaction').trigger('click')
    await wrapper.find('button[aria-label="React with 🎉"]').trigger('click')
    expect(wrapper.emitted('react')).toEqual([[3, '🎉']])
    expect(localStorage.getItem('mychat.recentEmoji')).toBe('["🎉"]')
  })

  it('toggles a reaction chip', async () => {
    const reactions = [
      { emoji: '👍', count: 2, user_ids: [1, 2] },
      { emoji: '❤️', count: 1, user_ids: [1] },
    ]
    const wrapper = mountItem({ reactions })
    const chips = wrapper.findAll('.reaction')
    await chips[0].trigger('click')
    await chips[1].trigger('click')
    expect(wrapper.emitted('unreact')).toEqual([[3, '👍']])
    expect(wrapper.emitted('react')).toEqual([[3, '❤️']])
  })
})

describe('MessageItem editing', () => {
  const mountEditing = () => mountItem({ message: 'old text' }, { mine: true, editing: true })

  it('shows the text in a box with the caret at its end', () => {
    const wrapper = mountEditing()
    const box = wrapper.find('textarea')
    expect(box.element.value).toBe('old text')
    expect(document.activeElement).toBe(box.element)
    expect(wrapper.find('.message-text').exists()).toBe(false)
  })

  it('saves on Enter, keeps Shift+Enter for a new line, and ignores Enter while composing', async () => {
    const wrapper = mountEditing()
    const box = wrapper.find('textarea')
    await box.setValue('new text')
    await box.trigger('keydown', { key: 'Enter', shiftKey: true })
    await box.trigger('keydown', { key: 'Enter', isComposing: true })
    await box.trigger('keydown', { key: 'Enter', keyCode: 229 }) // Safari, just after the composition ended
    expect(wrapper.emitted('save')).toBeUndefined()
    await box.trigger('keydown', { key: 'Enter' })
    expect(wrapper.emitted('save')).toEqual([[3, 'new text']])
  })

  it('cancels on Escape, and when nothing changed', async () => {
    const wrapper = mountEditing()
    const box = wrapper.find('textarea')
    await box.trigger('keydown', { key: 'Enter' })
    await box.trigger('keydown', { key: 'Escape' })
    expect(wrapper.emitted('cancel-edit')).toHaveLength(2)
    expect(wrapper.emitted('save')).toBeUndefined()
  })
})

describe('MessageItem toolbar keys', () => {
  it('moves between the buttons with the arrow keys, Home and End', async () => {
    const wrapper = mountItem({}, { mine: true, canDelete: true })
    await showActions(wrapper)
    const toolbar = wrapper.find('[role=toolbar]')
    const focusedLabel = () => document.activeElement?.getAttribute('aria-label')
    const reply = /** @type {HTMLElement} */ (button(wrapper, 'Reply').element)
    reply.focus()
    await toolbar.trigger('keydown', { key: 'ArrowRight' })
    expect(focusedLabel()).toBe('Edit')
    await toolbar.trigger('keydown', { key: 'End' })
    expect(focusedLabel()).toBe('Delete')
    await toolbar.trigger('keydown', { key: 'ArrowRight' })
    expect(focusedLabel()).toBe('Add reaction')
    await toolbar.trigger('keydown', { key: 'ArrowLeft' })
    expect(focusedLabel()).toBe('Delete')
  })
})
