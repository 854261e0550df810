import { describe, expect, it } from 'vitest'
import { characterCount, splitMessage } from './splitMessage.js'

describe('characterCount', () => {
  it('counts as the server does: trimmed, an emoji is one character', () => {
    expect(characterCount('  hi  ')).toBe(2)
    expect(characterCount('😀👍')).toBe(2)
  })

  it("counts as the server's len(text.strip()): code points, after what Python strips", () => {
    expect('𠀋𡈽'.length).toBe(4)
    expect(characterCount(' 𠀋𡈽\x85')).toBe(2) // CJK Extension B: one character each
    expect(characterCount('👨‍👩‍👧')).toBe(5) // man, ZWJ, woman, ZWJ, girl: as len() counts it
    expect(characterCount('漢字かな한글')).toBe(6)
    expect(characterCount('\x1c\x1d hi \x85\x1f')).toBe(2) // JavaScript's trim() keeps these
    expect(characterCount('\u3000全角\u3000')).toBe(2) // an ideographic space, both agree
    expect(characterCount('\uFEFFhi')).toBe(2) // trim() removes a BOM before sending
    expect(characterCount('a\x1cb')).toBe(3) // inside the text, nothing is stripped
  })
})

describe('splitMessage', () => {
  const fits = (parts, limit) => parts.every((part) => characterCount(part) <= limit)

  it('leaves a text that fits as one part', () => {
    expect(splitMessage('  short  ', 10)).toEqual(['short'])
  })

  it('cuts at paragraphs first', () => {
    const text = 'First paragraph, one line.\nStill first.\n\nSecond paragraph.\n\nThird.'
    expect(splitMessage(text, 45)).toEqual(['First paragraph, one line.\nStill first.', 'Second paragraph.\n\nThird.'])
  })

  it('then at lines, then at sentences, then at spaces', () => {
    expect(splitMessage('line one\nline two\nline three', 18)).toEqual(['line one\nline two', 'line three'])
    expect(splitMessage('One sentence. Another one! A third?', 28)).toEqual(['One sentence. Another one!', 'A third?'])
    expect(splitMessage('alpha beta gamma delta', 11)).toEqual(['alpha beta', 'gamma delta'])
  })

  it('cuts inside a word only when a word is longer than the limit, and never inside an emoji', () => {
    expect(splitMessage('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)])
    expect(splitMessage('😀'.repeat(5), 2)).toEqual(['😀😀', '😀😀', '😀'])
  })

  it('keeps every character, in order, each part within the limit', () => {
    const text = Array.from({ length: 60 }, (_, i) => `Sentence number ${i} is here.${i % 7 ? ' ' : '\n\n'}`).join('')
    const parts = splitMessage(text, 200)
    expect(fits(parts, 200)).toBe(true)
    expect(parts.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''))
    expect(parts.length).toBeLessThanOrEqual(Math.ceil(characterCount(text) / 200) + 3)
  })
})
