import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { namesOf } from '../utils/people.js'
import MessageReactions from './MessageReactions.vue'

const people = new Map([
  [1, 'alice'],
  [2, 'bob'],
  [3, 'carol'],
])
const reactions = [
  { emoji: '👍', count: 3, user_ids: [1, 7, 2] },
  { emoji: '🎉', count: 1, user_ids: [3] },
]
const mountReactions = () => mount(MessageReactions, { props: { reactions, viewerId: 2, people } })

describe('MessageReactions', () => {
  it('shows each emoji with its count, the ones I reacted with pressed', () => {
    const chips = mountReactions().findAll('.reaction')
    expect(chips.map((chip) => chip.text())).toEqual(['👍3', '🎉1'])
    expect(chips.map((chip) => chip.attributes('aria-pressed'))).toEqual(['true', 'false'])
    expect(chips[0].classes()).toContain('reaction--mine')
  })

  it('says who reacted, with "you" for me', () => {
    const chips = mountReactions().findAll('.reaction')
    expect(chips[0].attributes('title')).toBe('alice, someone and you reacted with 👍')
    expect(chips[1].attributes('title')).toBe('carol reacted with 🎉')
    expect(chips[0].attributes('aria-label')).toBe('👍 3: alice, someone and you reacted with 👍')
  })

  it('takes my reaction back, or adds mine, on a click', async () => {
    const wrapper = mountReactions()
    const chips = wrapper.findAll('.reaction')
    await chips[0].trigger('click')
    await chips[1].trigger('click')
    expect(wrapper.emitted('unreact')).toEqual([['👍']])
    expect(wrapper.emitted('react')).toEqual([['🎉']])
  })
})

describe('namesOf', () => {
  it('lists names, then "N others" past the most it shows', () => {
    expect(namesOf([2], { viewerId: 2 })).toBe('you')
    expect(namesOf([1, 3], { people })).toBe('alice and carol')
    const many = [1, 2, 3, 4, 5]
    expect(namesOf(many, { viewerId: 5, people, most: 3 })).toBe('alice, bob, 2 others and you')
  })
})
