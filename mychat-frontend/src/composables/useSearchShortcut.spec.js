import { describe, expect, it } from 'vitest'
import { isSearchShortcut } from './useSearchShortcut.js'

/** @param {KeyboardEventInit} init @param {EventTarget} [target] */
function press(init, target = document.body) {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init })
  Object.defineProperty(event, 'target', { value: target })
  return isSearchShortcut(event)
}

describe('the search shortcut', () => {
  it('is Ctrl+K or ⌘K anywhere, even in a field', () => {
    const field = document.createElement('textarea')
    expect(press({ key: 'k', ctrlKey: true })).toBe(true)
    expect(press({ key: 'K', metaKey: true }, field)).toBe(true)
    expect(press({ key: 'k' })).toBe(false)
  })

  it('is "/" only when not typing in a field (a "/" there starts a command)', () => {
    expect(press({ key: '/' })).toBe(true)
    expect(press({ key: '/' }, document.createElement('textarea'))).toBe(false)
    expect(press({ key: '/' }, document.createElement('input'))).toBe(false)
  })
})
