/**
 * Typing with an input method (IME: Chinese, Japanese, Korean): the Enter that picks a candidate is
 * not a send. Browsers flag it with `isComposing`; Safari sends the confirming keydown after the
 * composition has ended, flagged only by keyCode 229, so both are checked.
 */

/** @param {KeyboardEvent} event */
export function isComposing(event) {
  return event.isComposing || event.keyCode === 229
}

/**
 * A keydown handler for Enter-to-submit fields (`@keydown.enter="holdWhileComposing"`): an Enter
 * that confirms a composition does not submit the form.
 * @param {KeyboardEvent} event
 */
export function holdWhileComposing(event) {
  if (isComposing(event)) event.preventDefault()
}
