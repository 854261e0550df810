import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeChatServer, fakeMessage } from '../testing/fakes.js'
import MessageItem from './MessageItem.vue'
import MessageList from './MessageList.vue'

// An editor asks the server for the length limit. Real timers: Vue drops a focus event
// stamped before its listener was attached, and fake clocks confuse that.
beforeEach(() => vi.stubGlobal('fetch', new FakeChatServer().fetch))

const alice = { id: 1, username: 'alice', display_name: '', avatar_url: null }
const bob = { id: 2, username: 'bob', display_name: '', avatar_url: null }
const today = (hour, minute = 0) => {
  const date = new Date()
  date.setHours(hour, minute, 0, 0)
  return date.toISOString()
}
const yesterday = (hour) => new Date(new Date(today(hour)).getTime() - 24 * 3600 * 1000).toISOString()

const history = [
  fakeMessage({ seq: 1, user: alice, message: 'old', created_at: yesterday(9) }),
  fakeMessage({ seq: 2, user: alice, message: 'morning', created_at: today(0, 1) }),
  fakeMessage({ seq: 3, user: alice, message: 'still me', created_at: today(0, 3) }),
  fakeMessage({ seq: 4, user: bob, message: 'hi alice', created_at: today(0, 4) }),
  // The viewer (id 2) is bob: his own join reads "You joined".
  fakeMessage({ seq: 5, kind: 'system', user: bob, event: { type: 'join', user: bob }, created_at: today(0, 5) }),
]

/** @param {Record<string, unknown>} [props] */
const mountList = (props = {}) =>
  mount(MessageList, { props: { messages: history, viewerId: 2, ...props }, attachTo: document.body })

/**
 * Gives the scroller a size, as a browser would, and scrolls it.
 * @param {import('@vue/test-utils').VueWrapper} wrapper
 */
async function scrollTo(wrapper, { top, height = 2000, visible = 500 }) {
  const el = /** @type {HTMLElement} */ (wrapper.find('.message-list').element)
  Object.defineProperty(el, 'scrollHeight', { configurable: true, value: height })
  Object.defineProperty(el, 'clientHeight', { configurable: true, value: visible })
  el.scrollTop = top
  await wrapper.find('.message-list').trigger('scroll')
}

describe('MessageList', () => {
  it('puts a day separator before each day and shows one author line per group', () => {
    const wrapper = mountList()
    const rows = wrapper.findAll('.message-list__items > li').map((li) => {
      if (li.classes('day-separator')) return `[${li.text()}]`
      if (li.classes('system-message')) return `(${li.text()})`
      return li.find('.message__author').exists() ? li.find('.message__author').text() : '+'
    })
    expect(rows).toEqual(['[Yesterday]', 'alice', '[Today]', 'alice', '+', 'bob', '(You joined)'])
  })

  it('is a log, and a separator is a heading, not a list item read as a message', () => {
    const wrapper = mountList()
    expect(wrapper.find('ol').attributes('role')).toBe('log')
    const separator = wrapper.find('.day-separator')
    expect(separator.attributes('role')).toBe('presentation')
    expect(separator.find('h2').text()).toBe('Yesterday')
  })

  it("lets the chat owner delete anyone's message, others only their own", async () => {
    const deletable = async (props) => {
      const wrapper = mountList(props)
      const labels = []
      for (const item of wrapper.findAll('.message')) {
        await item.trigger('focusin')
        labels.push(item.find('button[aria-label="Delete"]').exists())
      }
      return labels
    }
    expect(await deletable({ ownerId: 1 })).toEqual([false, false, false, true])
    expect(await deletable({ ownerId: 2 })).toEqual([true, true, true, true])
  })

  it('opens the editor in the message being edited, and passes item actions on', async () => {
    const wrapper = mountList({ editingSeq: 4 })
    await wrapper.find('.message[data-seq="4"] textarea').trigger('keydown', { key: 'Escape' })
    expect(wrapper.emitted('cancel-edit')).toHaveLength(1)
    const first = wrapper.findComponent(MessageItem)
    first.vm.$emit('react', 1, '👍')
    first.vm.$emit('save', 1, 'new text')
    first.vm.$emit('jump', 7)
    expect(wrapper.emitted('react')).toEqual([[1, '👍']])
    expect(wrapper.emitted('save')).toEqual([[1, 'new text']])
    expect(wrapper.emitted('jump')).toEqual([[7]])
  })

  it('makes the messages one Tab stop, moved with the arrow keys', async () => {
    const wrapper = mountList()
    const focusable = () => wrapper.findAll('.message[tabindex="0"]').map((li) => li.attributes('data-seq'))
    expect(focusable()).toEqual(['4']) // the newest message
    const newest = /** @type {HTMLElement} */ (wrapper.find('.message[data-seq="4"]').element)
    newest.focus()
    await wrapper.find('.message[data-seq="4"]').trigger('keydown', { key: 'ArrowUp' })
    expect(document.activeElement?.getAttribute('data-seq')).toBe('3')
    await wrapper.vm.$nextTick()
    expect(focusable()).toEqual(['3'])
    await wrapper.find('.message[data-seq="3"]').trigger('keydown', { key: 'Home' })
    expect(document.activeElement?.getAttribute('data-seq')).toBe('1')
  })

  it('asks for older messages at the top, and for newer ones at the bottom when not at the live end', async () => {
    const wrapper = mountList({ hasOlder: true, hasNewer: true, newerCount: 30 })
    await scrollTo(wrapper, { top: 0 })
    expect(wrapper.emitted('load-older')).toHaveLength(1)
    expect(wrapper.emitted('load-newer')).toBeUndefined()
    await scrollTo(wrapper, { top: 1500 })
    expect(wrapper.emitted('load-newer')).toHaveLength(1)
  })

  it('offers "Jump to latest" with the count of newer messages when not at the live end', async () => {
    const wrapper = mountList({ hasNewer: true, newerCount: 30 })
    const button = wrapper.find('.jump-to-latest')
    expect(button.text()).toBe('30 new messages · Jump to latest')
    await button.trigger('click')
    expect(wrapper.emitted('jump-to-latest')).toHaveLength(1)
  })

  it('counts what others say while the reader is scrolled up', async () => {
    const wrapper = mountList()
    expect(wrapper.find('.jump-to-latest').exists()).toBe(false)
    await scrollTo(wrapper, { top: 200 })
    expect(wrapper.find('.jump-to-latest').text()).toBe('Jump to latest')
    await wrapper.setProps({
      messages: [...history, fakeMessage({ seq: 6, user: alice, created_at: today(0, 6) })],
    })
    expect(wrapper.find('.jump-to-latest').text()).toBe('1 new message · Jump to latest')
    await wrapper.setProps({
      messages: [
        ...history,
        fakeMessage({ seq: 6, user: alice, created_at: today(0, 6) }),
        fakeMessage({ seq: 7, user: bob }),
      ],
    })
    expect(wrapper.find('.jump-to-latest').text()).toBe('1 new message · Jump to latest') // mine do not count
    await scrollTo(wrapper, { top: 1500 })
    expect(wrapper.find('.jump-to-latest').exists()).toBe(false)
  })

  it('highlights the message it is asked to show, and focuses it', async () => {
    const wrapper = mountList()
    await wrapper.setProps({ highlightSeq: 2 })
    await flushPromises()
    expect(wrapper.find('.message[data-seq="2"]').classes()).toContain('message--highlighted')
    expect(document.activeElement?.getAttribute('data-seq')).toBe('2')
  })
})
