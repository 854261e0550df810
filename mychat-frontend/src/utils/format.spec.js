import { describe, expect, it } from 'vitest'
import { chatName } from './format.js'

const user = (username) => ({ id: username.length, username, display_name: '', avatar_url: null })
const me = { username: 'me' }

describe('chatName', () => {
  it('is the title when there is one', () => {
    expect(chatName({ title: 'Team', members_preview: [user('ana')] }, me)).toBe('Team')
  })

  it('names an untitled chat after a few of the others, and counts the rest', () => {
    const preview = ['me', 'ana', 'bob', 'cy', 'dee'].map(user)
    expect(chatName({ title: '', kind: 'group', members_preview: preview, member_count: 40 }, me)).toBe(
      'ana, bob, cy and 36 others',
    )
    expect(chatName({ title: '', kind: 'group', members_preview: preview.slice(0, 3), member_count: 3 }, me)).toBe(
      'ana, bob',
    )
    expect(chatName({ title: '', kind: 'group', members_preview: preview, member_count: 5 }, me)).toBe(
      'ana, bob, cy and 1 other',
    )
  })

  it('is the other person for a direct chat, and "New chat" when one is alone', () => {
    expect(chatName({ title: '', kind: 'direct', members_preview: [user('me'), user('ana')] }, me)).toBe('ana')
    expect(chatName({ title: '', kind: 'group', members_preview: [user('me')], member_count: 1 }, me)).toBe('New chat')
  })
})
