import { describe, expect, it } from 'vitest'
import { describeEvent } from './chatEvents.js'

const alice = { id: 1, username: 'alice', display_name: '', avatar_url: null }
const bob = { id: 2, username: 'bob', display_name: '', avatar_url: null }

describe('system messages in words', () => {
  it.each([
    [{ type: 'join', user: bob }, 'bob joined'],
    [{ type: 'leave', user: bob }, 'bob left'],
    [{ type: 'leave', user: alice, owner: bob }, 'alice left; bob owns the chat now'],
    [{ type: 'remove', user: bob, by: alice }, 'bob was removed by alice'],
    [{ type: 'rename', user: alice, title: 'Team' }, 'alice renamed the chat to “Team”'],
    [{ type: 'rename', user: alice, title: '' }, "alice took the chat's name away"],
  ])('%o reads "%s"', (event, text) => {
    expect(describeEvent(/** @type {any} */ (event))).toBe(text)
  })

  it('calls the viewer "you"', () => {
    expect(describeEvent({ type: 'remove', user: bob, by: alice }, alice.id)).toBe('bob was removed by you')
    expect(describeEvent({ type: 'join', user: bob }, bob.id)).toBe('You joined')
    expect(describeEvent({ type: 'leave', user: alice, owner: bob }, bob.id)).toBe('alice left; you own the chat now')
  })

  it('says something sensible about an event it does not know', () => {
    expect(describeEvent(/** @type {any} */ ({ type: 'archive', user: alice }))).toBe('The chat changed.')
    expect(describeEvent(null)).toBe('The chat changed.')
  })
})
