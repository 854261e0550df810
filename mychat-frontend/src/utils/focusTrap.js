/**
 * Tab and Shift+Tab go round inside a modal dialog: from its last focusable element to its first,
 * and back.
 * @param {HTMLElement | null} container the dialog
 * @param {KeyboardEvent} event a Tab keydown inside it
 */
export function keepFocusInside(container, event) {
  const focusable = /** @type {HTMLElement[]} */ ([
    ...(container?.querySelectorAll('input, button, a[href]') ?? []),
  ]).filter((element) => !element.hasAttribute('disabled'))
  const first = focusable[0]
  const last = focusable.at(-1)
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault()
    last?.focus()
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault()
    first?.focus()
  }
}
