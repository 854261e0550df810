import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import FormField from '../components/FormField.vue'
import SearchDialog from '../components/SearchDialog.vue'
import { useFakeChat } from '../testing/index.js'
import { isComposing } from './ime.js'

useFakeChat()

/** Presses Enter in `input` and says whether the form may submit (the keydown was not cancelled). @param {Element} input */
function enter(input, init = {}) {
  const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init })
  input.dispatchEvent(event)
  return !event.defaultPrevented
}

describe('IME composition and Enter', () => {
  it('knows a composing Enter by isComposing, or by keyCode 229 (Safari, right after compositionend)', () => {
    expect(isComposing(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true }))).toBe(true)
    expect(isComposing(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 229 }))).toBe(true)
    expect(isComposing(new KeyboardEvent('keydown', { key: 'Enter' }))).toBe(false)
  })

  it('a form field (sign-in, sign-up) does not submit on the Enter that picks a candidate', () => {
    const input = mount(FormField, { props: { label: 'Username' } }).find('input').element
    expect(enter(input, { isComposing: true })).toBe(false)
    expect(enter(input, { keyCode: 229 })).toBe(false)
    expect(enter(input)).toBe(true)
  })

  it('the search box does not search on it either', () => {
    const input = mount(SearchDialog, { attachTo: document.body }).find('#search-input').element
    expect(enter(input, { isComposing: true })).toBe(false)
    expect(enter(input)).toBe(true)
  })
})
