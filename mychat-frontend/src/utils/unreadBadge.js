/** What a hidden tab shows of the unread count: the document title "(3) mychat" and a favicon badge. No DOM. */

export const APP_TITLE = 'mychat'

/**
 * The count as a badge says it: "" for none, "99+" past 99.
 * @param {number} count
 */
export function badgeText(count) {
  if (!Number.isFinite(count) || count <= 0) return ''
  return count > 99 ? '99+' : String(Math.floor(count))
}

/**
 * @param {number} count
 * @param {string} [base]
 */
export function documentTitle(count, base = APP_TITLE) {
  const badge = badgeText(count)
  return badge ? `(${badge}) ${base}` : base
}

/**
 * The favicon: a speech bubble, with a red badge holding the count when there is one (an SVG data URL).
 * @param {number} count
 */
export function faviconHref(count) {
  const badge = badgeText(count)
  const bubble =
    '<path d="M6 8h36a4 4 0 0 1 4 4v22a4 4 0 0 1-4 4H20l-9 8v-8H6a4 4 0 0 1-4-4V12a4 4 0 0 1 4-4z" fill="#4f6bed"/>'
  const size = badge.length > 2 ? 22 : badge.length > 1 ? 26 : 30
  const mark = badge
    ? '<circle cx="46" cy="18" r="17" fill="#d93025" stroke="#fff" stroke-width="3"/>' +
      `<text x="46" y="18" dy=".35em" text-anchor="middle" font-family="sans-serif" font-weight="bold" font-size="${size}" fill="#fff">${badge}</text>`
    : ''
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">${bubble}${mark}</svg>`
  return `data:image/svg+xml,${encodeURIComponent(svg)}`
}
