import { describe, expect, it } from 'vitest'
import { snippetSegments } from './highlight.js'

/** @param {import('./highlight.js').Segment[]} segments */
const show = (segments) => segments.map((s) => (s.marked ? `[${s.text}]` : s.text)).join('')

describe('snippetSegments', () => {
  it('marks the ranges the server found', () => {
    expect(
      show(
        snippetSegments('The meeting is in room 301', [
          [4, 11],
          [18, 22],
        ]),
      ),
    ).toBe('The [meeting] is in [room] 301')
  })

  it('counts in UTF-16 units, so an emoji before a CJK word is no trouble', () => {
    expect(show(snippetSegments('🎉 会议室在三楼', [[7, 9]]))).toBe('🎉 会议室在[三楼]')
  })

  it('cuts a long text around the first match, with ellipses', () => {
    const text = `${'word '.repeat(40)}needle${' after'.repeat(60)}`
    const shown = show(snippetSegments(text, [[200, 206]], 20, 60))
    expect(shown.startsWith('…')).toBe(true)
    expect(shown).toContain('[needle]')
    expect(shown.endsWith('…')).toBe(true)
    expect(shown.length).toBeLessThan(70)
  })

  it('collapses line breaks and keeps the marks in place', () => {
    expect(show(snippetSegments('one\n\ntwo three', [[5, 8]]))).toBe('one [two] three')
  })

  it('keeps markup as text', () => {
    const segments = snippetSegments('<b>bold</b>', [[3, 7]])
    expect(segments.map((s) => s.text).join('')).toBe('<b>bold</b>')
  })
})
