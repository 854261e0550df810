import { beforeEach, describe, expect, it } from 'vitest'
import { FREQUENT_EMOJI, pickerEmoji, recentEmoji, rememberEmoji } from './recentEmoji.js'

beforeEach(() => localStorage.clear())

describe('recent emoji', () => {
  it('offers the frequent ones, then the ones used lately, latest first, without repeats', () => {
    expect(pickerEmoji()).toEqual(FREQUENT_EMOJI)
    rememberEmoji('🦄')
    rememberEmoji('👍')
    rememberEmoji('🚀')
    rememberEmoji('🦄')
    expect(recentEmoji()).toEqual(['🦄', '🚀', '👍'])
    expect(pickerEmoji()).toEqual([...FREQUENT_EMOJI, '🦄', '🚀'])
  })

  it('keeps eight, and survives spoiled storage', () => {
    for (const emoji of ['1️⃣', '2️⃣', '3️⃣', '4️⃣', '5️⃣', '6️⃣', '7️⃣', '8️⃣', '9️⃣']) rememberEmoji(emoji)
    expect(recentEmoji()).toHaveLength(8)
    localStorage.setItem('mychat.recentEmoji', '{not json')
    expect(recentEmoji()).toEqual([])
  })
})
