/**
 * A search result's text cut to a snippet around its first match, as segments to render with
 * <mark> where the server said the words are (never as HTML: the text stays text).
 */

/**
 * @typedef {{text: string, marked: boolean}} Segment
 */

/**
 * @param {string} text the message's text
 * @param {readonly (readonly number[])[]} highlights [start, end) ranges in UTF-16 units, in order
 * @param {number} [room] characters of context to keep before the first match
 * @param {number} [length] the snippet's length at most
 * @returns {Segment[]}
 */
export function snippetSegments(text, highlights, room = 40, length = 200) {
  const flat = text.replace(/\s+/g, ' ')
  // Whitespace runs collapse: count positions in the collapsed text instead.
  const map = collapsedPositions(text)
  const ranges = highlights
    .map(([start, end]) => [map[start] ?? flat.length, map[end] ?? flat.length])
    .filter(([start, end]) => end > start)
  let from = ranges.length ? Math.max(0, ranges[0][0] - room) : 0
  if (from > 0) {
    const space = flat.lastIndexOf(' ', from)
    if (space > from - 15 && space > 0) from = space + 1
  }
  const to = Math.min(flat.length, from + length)
  /** @type {Segment[]} */
  const segments = []
  let at = from
  for (const [start, end] of ranges) {
    const s = Math.max(start, at)
    const e = Math.min(end, to)
    if (e <= s) continue
    if (s > at) segments.push({ text: flat.slice(at, s), marked: false })
    segments.push({ text: flat.slice(s, e), marked: true })
    at = e
  }
  if (at < to) segments.push({ text: flat.slice(at, to), marked: false })
  if (from > 0) segments.unshift({ text: '…', marked: false })
  if (to < flat.length) segments.push({ text: '…', marked: false })
  return segments
}

/**
 * For each position of `text` (and its end), the position in `text` with whitespace runs collapsed to one space.
 * @param {string} text
 */
function collapsedPositions(text) {
  const map = new Array(text.length + 1)
  let out = 0
  for (let i = 0; i < text.length; i++) {
    map[i] = out
    const space = /\s/.test(text[i])
    if (!space || !(i > 0 && /\s/.test(text[i - 1]))) out++
  }
  map[text.length] = out
  return map
}
