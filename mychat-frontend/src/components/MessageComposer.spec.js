import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
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

  it("limits the text to the server's message length, once the server has said it", async () => {
    server.config.message_max_length = 5
    const { textarea } = mountComposer()
    expect(textarea.attributes('maxlength')).toBeUndefined()
    await advance(0)
    expect(textarea.attributes('maxlength')).toBe('5')
  })
})
