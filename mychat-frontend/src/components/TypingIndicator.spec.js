import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import TypingIndicator from './TypingIndicator.vue'

const say = (names) => mount(TypingIndicator, { props: { names } }).text()

describe('TypingIndicator', () => {
  it('says who is typing, politely', () => {
    expect(say([])).toBe('')
    expect(say(['alice'])).toBe('alice is typing…')
    expect(say(['alice', 'bob'])).toBe('alice and bob are typing…')
    expect(say(['alice', 'bob', 'carol'])).toBe('Several people are typing…')
    expect(mount(TypingIndicator).attributes('aria-live')).toBe('polite')
  })
})
