/**
 * Message length as the server counts it, and a long text cut into messages that each fit:
 * at paragraph breaks first, then line breaks, then sentence ends, then spaces, and only as a
 * last resort inside a word (never inside a character: an emoji stays whole).
 */

// Python's whitespace (str.isspace, what str.strip() takes off): JavaScript's \s less U+FEFF, plus
// \x1c-\x1f and \x85, which JavaScript's trim() leaves on.
const PYTHON_SPACE = '[\\t-\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]'
const PYTHON_EDGES = new RegExp(`^${PYTHON_SPACE}+|${PYTHON_SPACE}+$`, 'g')

/**
 * The text as the server keeps it: what the app sends (`text.trim()`), then stripped as Python strips.
 * @param {string} text
 */
export const serverText = (text) => text.trim().replace(PYTHON_EDGES, '')

/**
 * Characters as the server counts them: Python's len() of the stripped text, in code points, so an
 * emoji or a CJK Extension B character (two UTF-16 units in JavaScript's .length) is one.
 * @param {string} text
 */
export function characterCount(text) {
  return [...serverText(text)].length
}

// Each splits after its boundary, so the boundary stays with the text before it.
const BOUNDARIES = [
  /(?<=\n[ \t]*\n)(?=[^\n])/, // paragraphs
  /(?<=\n)/, // lines
  /(?<=[.!?…]\s)|(?<=[。！？])/u, // sentences
  /(?<=\s)/, // words
]

/**
 * @param {string} text
 * @param {number} limit most characters in one part
 * @param {number} level which boundary to cut at
 * @returns {string[]} pieces, each at most `limit` characters (untrimmed)
 */
function pieces(text, limit, level) {
  if (characterCount(text) <= limit || text.trim().length === 0) return [text]
  if (level === BOUNDARIES.length) {
    const characters = [...text]
    const cut = []
    for (let start = 0; start < characters.length; start += limit)
      cut.push(characters.slice(start, start + limit).join(''))
    return cut
  }
  return text.split(BOUNDARIES[level]).flatMap((piece) => pieces(piece, limit, level + 1))
}

/**
 * Cuts `text` into as few messages as its boundaries allow, each at most `limit` characters, in order.
 * @param {string} text
 * @param {number} limit
 * @returns {string[]} the parts, trimmed and none empty
 */
export function splitMessage(text, limit) {
  const parts = []
  let current = ''
  for (const piece of pieces(text, limit, 0)) {
    if (characterCount(current + piece) <= limit) current += piece
    else {
      parts.push(current)
      current = piece
    }
  }
  parts.push(current)
  return parts.map((part) => part.trim()).filter(Boolean)
}
