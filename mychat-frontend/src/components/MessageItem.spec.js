import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import MessageItem from './MessageItem.vue'

/** A message with the fields these tests read (the others do not matter here). @returns {any} */
const message = (fields = {}) => ({
  id: 7,
  seq: 3,
  user: { id: 1, username: 'alice' },
  message: 'hi',
  created_at: '2025-01-01T12:00:00Z',
  is_bot: false,
  ...fields,
})

describe('MessageItem', () => {
  it('shows author, time and text', () => {
    const wrapper = mount(MessageItem, { props: { message: message() } })
    expect(wrapper.find('.message__author').text()).toBe('alice')
    expect(wrapper.find('time').attributes('datetime')).toBe('2025-01-01T12:00:00Z')
    expect(wrapper.find('.message-text').text()).toBe('hi')
  })

  it('puts my messages on my side', () => {
    expect(mount(MessageItem, { props: { message: message(), mine: true } }).classes()).toContain('message--mine')
    expect(mount(MessageItem, { props: { message: message() } }).classes()).not.toContain('message--mine')
  })

  it('marks the bot visibly', () => {
    const wrapper = mount(MessageItem, {
      props: { message: message({ is_bot: true, user: { id: 9, username: 'hubot' } }) },
    })
    expect(wrapper.classes()).toContain('message--bot')
    expect(wrapper.find('.message__bot-badge').text()).toBe('bot')
  })
})
