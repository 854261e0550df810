import { describe, expect, it } from 'vitest'
import { splitLinks } from './splitLinks.js'

describe('splitLinks', () => {
  it('keeps plain text as one text part', () => {
    expect(splitLinks('hello <b>there</b>')).toEqual([{ text: 'hello <b>there</b>' }])
  })

  it('splits out http and https links', () => {
    expect(splitLinks('see https://example.com/a?b=1 and http://x.org')).toEqual([
      { text: 'see ' },
      { text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { text: ' and ' },
      { text: 'http://x.org', href: 'http://x.org/' },
    ])
  })

  it('links www. addresses over https', () => {
    expect(splitLinks('www.vuejs.org')).toEqual([{ text: 'www.vuejs.org', href: 'https://www.vuejs.org/' }])
  })

  it('leaves sentence punctuation and unmatched parentheses outside the link', () => {
    expect(splitLinks('(go to https://example.com/x).')).toEqual([
      { text: '(go to ' },
      { text: 'https://example.com/x', href: 'https://example.com/x' },
      { text: ').' },
    ])
    expect(splitLinks('https://en.wikipedia.org/wiki/Vue_(framework)')[0].text).toBe(
      'https://en.wikipedia.org/wiki/Vue_(framework)',
    )
  })

  it('never links other schemes', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,<script>', 'ftp://x.org']) {
      expect(splitLinks(text).every((part) => !part.href)).toBe(true)
    }
  })

  it('gives back the whole input when the parts are joined', () => {
    const text = 'a https://x.org/p, b www.y.com! c'
    expect(
      splitLinks(text)
        .map((p) => p.text)
        .join(''),
    ).toBe(text)
  })
})
