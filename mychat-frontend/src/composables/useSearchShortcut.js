/**
 * Ctrl+K (⌘K on a Mac) anywhere, or "/" when not typing in a field, calls `open`.
 */
import { onBeforeUnmount, onMounted } from 'vue'

/** @param {EventTarget | null} target */
export function isTypingIn(target) {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/**
 * @param {KeyboardEvent} event
 * @returns {boolean} the key asks for the search box
 */
export function isSearchShortcut(event) {
  if (event.defaultPrevented || event.altKey) return false
  if (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.shiftKey) return true
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !isTypingIn(event.target)
}

/** @param {() => void} open */
export function useSearchShortcut(open) {
  /** @param {KeyboardEvent} event */
  function onKeydown(event) {
    if (!isSearchShortcut(event)) return
    event.preventDefault()
    open()
  }
  onMounted(() => window.addEventListener('keydown', onKeydown))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown))
}
