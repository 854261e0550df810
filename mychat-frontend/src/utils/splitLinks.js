/** Splits message text into plain-text and link parts, so links render as <a> and everything else as text. */

const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi
const TRAILING_PUNCTUATION = /[.,;:!?'"]+$/

/** Drops punctuation that ends a sentence rather than the URL, and a ")" with no "(" in the URL. */
function trimUrl(candidate) {
  let url = candidate.replace(TRAILING_PUNCTUATION, '')
  while (url.endsWith(')') && (url.match(/\(/g) || []).length < (url.match(/\)/g) || []).length) {
    url = url.slice(0, -1).replace(TRAILING_PUNCTUATION, '')
  }
  return url
}

function safeHref(url) {
  const withScheme = /^www\./i.test(url) ? `https://${url}` : url
  try {
    const parsed = new URL(withScheme)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null
  } catch {
    return null
  }
}

/** @returns {{text: string, href?: string}[]} in order; joining every part's text gives back the input. */
export function splitLinks(text) {
  const parts = []
  let plainStart = 0
  for (const match of text.matchAll(LINK)) {
    const url = trimUrl(match[0])
    const href = safeHref(url)
    if (!href) continue
    if (match.index > plainStart) parts.push({ text: text.slice(plainStart, match.index) })
    parts.push({ text: url, href })
    plainStart = match.index + url.length
  }
  if (plainStart < text.length) parts.push({ text: text.slice(plainStart) })
  return parts
}
