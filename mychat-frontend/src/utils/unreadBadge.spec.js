import { describe, expect, it } from 'vitest'
import { badgeText, documentTitle, faviconHref } from './unreadBadge.js'

describe('the unread badge', () => {
  it('says nothing for none, the number up to 99, then 99+', () => {
    expect([0, -1, NaN, 1, 99, 100, 2500].map(badgeText)).toEqual(['', '', '', '1', '99', '99+', '99+'])
  })

  it('puts the count before the title', () => {
    expect(documentTitle(3)).toBe('(3) mychat')
    expect(documentTitle(0)).toBe('mychat')
    expect(documentTitle(120, 'Team · mychat')).toBe('(99+) Team · mychat')
  })

  it('draws the favicon with the count on a red badge, and plain without one', () => {
    const svg = (count) => decodeURIComponent(faviconHref(count).replace('data:image/svg+xml,', ''))
    expect(faviconHref(3)).toMatch(/^data:image\/svg\+xml,/)
    expect(svg(3)).toContain('>3</text>')
    expect(svg(3)).toContain('#d93025')
    expect(svg(150)).toContain('>99+</text>')
    expect(svg(0)).not.toContain('<text')
  })
})
