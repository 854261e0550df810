import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { fakeMessage } from '../testing/fakes.js'
import { advance, useFakeChat } from '../testing/index.js'
import MessageComposer from './MessageComposer.vue'

const server = useFakeChat() // the composer asks the server for its limits

const commands = [
  { name: 'help', usage: '/help', help: 'List the commands' },
  { name: 'roll', usage: '/roll NdM', help: 'Roll dice' },
  { name: 'ask', usage: '/ask QUESTION', help: 'Ask the docs' },
]

/** @param {Record<string, unknown>} [props] */
function mountComposer(props = {}) {
  const wrapper = mount(MessageComposer, { props: { commands, ...props }, attachTo: document.body })
  return { wrapper, textarea: wrapper.find('textarea') }
}

describe('MessageComposer', () => {
  it('has the "Type a message" box and a Send button', () => {
    const { wrapper, textarea } = mountComposer()
    expect(textarea.attributes('placeholder')).toBe('Type a message')
    expect(wrapper.find('button[type=submit]').text()).toBe('Send')
  })

  it('sends on Enter and clears the box', async () => {
    const { wrapper, textarea } = mountComposer()
    await textarea.setValue('  hello  ')
    await textarea.trigger('keydown', { key: 'Enter' })
    expect(wrapper.emitted('send')).toEqual([['hello']])
    expect(textarea.element.value).toBe('')
  })

  it('keeps Shift+Enter for a new line', async () => {
    const { wrapper, textarea } = mountComposer()
    await textarea.setValue('line one')
    await textarea.trigger('keydown', { key: 'Enter', shiftKey: true })
    expect(wrapper.emitted('send')).toBeUndefined()
  })

  it('sends with the Send button and never sends blank text', async () => {
    const { wrapper, textarea } = mountComposer()
    await textarea.setValue('   ')
    await textarea.trigger('keydown', { key: 'Enter' })
    expect(wrapper.find('button[type=submit]').attributes('disabled')).toBeDefined()
    await textarea.setValue('by button')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.emitted('send')).toEqual([['by button']])
  })

  it('shows the commands when the text starts with "/" and filters as you type', async () => {
    const { wrapper, textarea } = mountComposer()
    expect(wrapper.find('[role=listbox]').exists()).toBe(false)
    await textarea.setValue('/')
    expect(wrapper.findAll('[role=option]').map((o) => o.find('.suggestions__usage').text())).toEqual([
      '/help',
      '/roll NdM',
      '/ask QUESTION',
    ])
    await textarea.setValue('/r')
    expect(wrapper.findAll('[role=option]')).toHaveLength(1)
    await textarea.setValue('/roll 2d6')
    expect(wrapper.find('[role=listbox]').exists()).toBe(false)
  })

  it('picks a command with the arrow keys and Enter, then sends a full command on Enter', async () => {
    const { wrapper, textarea } = mountComposer()
    await textarea.setValue('/')
    await textarea.trigger('keydown', { key: 'ArrowDown' })
    expect(wrapper.findAll('[role=option]')[1].attributes('aria-selected')).toBe('true')
    await textarea.trigger('keydown', { key: 'Enter' })
    expect(textarea.element.value).toBe('/roll ')
    expect(wrapper.emitted('send')).toBeUndefined()

    await textarea.setValue('/help')
    await textarea.trigger('keydown', { key: 'Enter' })
    expect(wrapper.emitted('send')).toEqual([['/help']])
  })

  it('picks with Tab or a click, and Escape hides the list', async () => {
    const { wrapper, textarea } = mountComposer()
    await textarea.setValue('/a')
    await textarea.trigger('keydown', { key: 'Tab' })
    expect(textarea.element.value).toBe('/ask ')
    await textarea.setValue('/')
    await wrapper.findAll('[role=option]')[0].trigger('mousedown')
    expect(textarea.element.value).toBe('/help ')
    await textarea.setValue('/')
    await textarea.trigger('keydown', { key: 'Escape' })
    expect(wrapper.find('[role=listbox]').exists()).toBe(false)
  })

  it('shows no suggestions when the server has no commands', async () => {
    const { wrapper, textarea } = mountComposer({ commands: [] })
    await textarea.setValue('/')
    expect(wrapper.find('[role=listbox]').exists()).toBe(false)
    await textarea.trigger('keydown', { key: 'Enter' })
    expect(wrapper.emitted('send')).toEqual([['/']])
  })

  it('cuts nothing: no maxlength, a counter once the text nears the limit', async () => {
    server.config.message_max_length = 20
    const { wrapper, textarea } = mountComposer()
    await advance(0)
    expect(textarea.attributes('maxlength')).toBeUndefined()
    await textarea.setValue('x'.repeat(17))
    expect(wrapper.find('.composer__counter').exists()).toBe(false)
    await textarea.setValue('x'.repeat(18))
    expect(wrapper.find('.composer__counter').text()).toBe('18 / 20')
    expect(textarea.attributes('aria-describedby')).toBe(wrapper.find('.composer__counter').attributes('id'))
    await textarea.setValue('😀'.repeat(20)) // counted as the server counts: one character each
    expect(wrapper.find('.composer__counter').text()).toBe('20 / 20')
    expect(wrapper.find('button[type=submit]').attributes('disabled')).toBeUndefined()
  })

  it('over the limit: says so, disables Send, and offers to send it in parts', async () => {
    server.config.message_max_length = 20
    const { wrapper, textarea } = mountComposer()
    await advance(0)
    const pasted = 'First paragraph.\n\nSecond one, longer.\n\nThird.'
    await textarea.setValue(pasted) // a paste is not cut
    expect(textarea.element.value).toBe(pasted)
    expect(wrapper.find('[role=alert]').text()).toBe('Too long for one message: the limit is 20 characters.')
    expect(wrapper.find('button[type=submit]').attributes('disabled')).toBeDefined()
    await textarea.trigger('keydown', { key: 'Enter' })
    expect(wrapper.emitted('send')).toBeUndefined()
    const split = wrapper.find('.composer__split')
    expect(split.text()).toBe('Send as 3 messages')
    await split.trigger('click')
    expect(wrapper.emitted('send')).toEqual([['First paragraph.'], ['Second one, longer.'], ['Third.']])
    expect(textarea.element.value).toBe('')
  })

  it('does not send on the Enter that ends an IME composition', async () => {
    const { wrapper, textarea } = mountComposer()
    await textarea.setValue('にほんご')
    await textarea.trigger('keydown', { key: 'Enter', isComposing: true })
    expect(wrapper.emitted('send')).toBeUndefined()
    // Safari: the confirming Enter comes after compositionend, marked only by keyCode 229.
    await textarea.trigger('keydown', { key: 'Enter', keyCode: 229 })
    expect(wrapper.emitted('send')).toBeUndefined()
    expect(textarea.element.value).toBe('にほんご')
    await textarea.trigger('keydown', { key: 'Enter' })
    expect(wrapper.emitted('send')).toEqual([['にほんご']])
  })

  it('counts CJK Extension B and emoji as the server does (code points), not UTF-16 units', async () => {
    server.config.message_max_length = 20
    const { wrapper, textarea } = mountComposer()
    await advance(0)
    await textarea.setValue('𠀋'.repeat(20)) // 40 UTF-16 units, 20 characters for Python's len()
    expect(wrapper.find('.composer__counter').text()).toBe('20 / 20')
    expect(wrapper.find('[role=alert]').exists()).toBe(false)
    await textarea.setValue(`\x1c${'𠀋'.repeat(19)}한\x85 `) // Python strips \x1c and \x85; JavaScript's trim() does not
    expect(wrapper.find('.composer__counter').text()).toBe('20 / 20')
    await textarea.trigger('keydown', { key: 'Enter' })
    expect(wrapper.emitted('send')).toHaveLength(1)
    await textarea.setValue('𠀋'.repeat(21))
    expect(wrapper.find('[role=alert]').text()).toBe('Too long for one message: the limit is 20 characters.')
  })

  it('shows who is being answered, sends the reply with its seq, and cancels with the button or Escape', async () => {
    const replyTo = fakeMessage({
      seq: 7,
      user: { id: 1, username: 'alice', display_name: '', avatar_url: null },
      message: 'where  do we\nmeet?',
    })
    const { wrapper, textarea } = mountComposer({ replyTo })
    expect(wrapper.find('.reply-bar').text()).toContain('Replying to alice: where do we meet?')
    await textarea.setValue('at noon')
    await textarea.trigger('keydown', { key: 'Enter' })
    expect(wrapper.emitted('send')).toEqual([['at noon', { replyTo: 7 }]])
    await textarea.trigger('keydown', { key: 'Escape' })
    await wrapper.find('button[aria-label="Cancel reply"]').trigger('click')
    expect(wrapper.emitted('cancel-reply')).toHaveLength(2)
  })

  it('answers only with the first part of a long reply', async () => {
    server.config.message_max_length = 10
    const replyTo = fakeMessage({ seq: 7 })
    const { wrapper, textarea } = mountComposer({ replyTo })
    await advance(0)
    await textarea.setValue('one two three')
    await wrapper.find('.composer__split').trigger('click')
    expect(wrapper.emitted('send')).toEqual([['one two', { replyTo: 7 }], ['three']])
  })

  it('asks to edit my last message on the up arrow, only in an empty box', async () => {
    const { wrapper, textarea } = mountComposer()
    await textarea.setValue('text')
    await textarea.trigger('keydown', { key: 'ArrowUp' })
    expect(wrapper.emitted('edit-last')).toBeUndefined()
    await textarea.setValue('')
    await textarea.trigger('keydown', { key: 'ArrowUp' })
    expect(wrapper.emitted('edit-last')).toHaveLength(1)
  })

  it('says "typing" at most every 3 seconds while the user types', async () => {
    const { wrapper, textarea } = mountComposer()
    await textarea.setValue('h')
    await textarea.setValue('he')
    expect(wrapper.emitted('typing')).toHaveLength(1)
    await advance(2999)
    await textarea.setValue('hel')
    expect(wrapper.emitted('typing')).toHaveLength(1)
    await advance(1)
    await textarea.setValue('hell')
    expect(wrapper.emitted('typing')).toHaveLength(2)
  })
})
