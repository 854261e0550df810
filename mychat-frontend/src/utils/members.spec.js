import { describe, expect, it } from 'vitest'
import { failureText, isOwner, memberActions, memberCountLabel, roleLabel } from './members.js'

/** @returns {import('../api/types.js').Member} */
const member = (/** @type {number} */ id, /** @type {'owner' | 'member'} */ role = 'member') => ({
  user: { id, username: `user${id}`, display_name: '', avatar_url: null },
  role,
  joined_at: '2025-01-01T00:00:00Z',
})
/** @param {'owner' | 'member'} role @returns {{kind: 'group', role: 'owner' | 'member'}} */
const group = (role) => ({ kind: 'group', role })

describe('the member panel rules', () => {
  it('lets the owner remove others but not themself (they leave instead)', () => {
    const owner = { chat: group('owner'), viewerId: 1 }
    expect(memberActions(member(2), owner).canRemove).toBe(true)
    expect(memberActions(member(1, 'owner'), owner)).toEqual({ isViewer: true, canRemove: false, canMessage: false })
  })

  it('lets a member remove nobody', () => {
    expect(memberActions(member(3), { chat: group('member'), viewerId: 2 }).canRemove).toBe(false)
    expect(memberActions(member(1, 'owner'), { chat: group('member'), viewerId: 2 }).canRemove).toBe(false)
  })

  it('offers to message anyone else directly, except inside a direct chat, which already is that', () => {
    expect(memberActions(member(2), { chat: group('member'), viewerId: 1 }).canMessage).toBe(true)
    const direct = { chat: /** @type {const} */ ({ kind: 'direct', role: 'member' }), viewerId: 1 }
    expect(memberActions(member(2), direct)).toEqual({ isViewer: false, canRemove: false, canMessage: false })
  })

  it('has no owner in a direct chat', () => {
    expect(isOwner({ kind: 'direct', role: 'owner' })).toBe(false)
    expect(isOwner(group('owner'))).toBe(true)
    expect(isOwner(null)).toBe(false)
  })

  it('says roles and counts in words', () => {
    expect([roleLabel('owner'), roleLabel('member')]).toEqual(['Owner', 'Member'])
    expect([memberCountLabel(1), memberCountLabel(12)]).toEqual(['1 member', '12 members'])
  })

  it('says why an action failed in plain words', () => {
    expect(failureText('remove bob', new TypeError('Failed to fetch'))).toMatch(/^Couldn't remove bob: no connection/)
    expect(failureText('remove bob', { status: 429, message: 'Request was throttled.' })).toMatch(/too many changes/)
    expect(failureText('remove bob', { status: 503, message: '' })).toMatch(/server had a problem/)
    const refused = { status: 403, message: "Only the chat's owner can remove members." }
    expect(failureText('remove bob', refused)).toBe("Couldn't remove bob: Only the chat's owner can remove members.")
  })
})
