import { describe, expect, it } from 'vitest'
import { setLocale } from '../i18n/index.js'
import { namesOf } from './people.js'
import { chatName, formatBytes, formatRelative, formatTime } from './format.js'

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

describe("in the reader's language", () => {
  const many = { members_preview: ['ana', 'bob', 'cy', 'dee'].map(user), member_count: 6 }

  it('lists names and counts the rest the way each language does', () => {
    expect(chatName(many, me)).toBe('ana, bob, cy and 2 others')
    setLocale('zh-CN')
    expect(chatName(many, me)).toBe('ana、bob、cy和其他 2 人')
    setLocale('ja')
    expect(chatName(many, me)).toBe('ana、bob、cy、他 2 人')
    setLocale('ko')
    expect(chatName(many, me)).toBe('ana, bob, cy 외 2명')
    expect(namesOf([1, 2], { viewerId: 2, people: new Map([[1, 'ana']]) })).toBe('ana, 나')
    setLocale('zh-TW')
    expect(namesOf([1, 2], { viewerId: 2, people: new Map([[1, 'ana']]) })).toBe('ana和你')
  })

  it('says how long ago with Intl.RelativeTimeFormat', () => {
    const now = new Date('2026-03-01T12:00:00Z')
    const ago = (/** @type {number} */ seconds) => new Date(now.getTime() - seconds * 1000).toISOString()
    expect(formatRelative(ago(10), now)).toBe('now')
    expect(formatRelative(ago(5 * 60), now)).toBe('5 minutes ago')
    expect(formatRelative(ago(3 * 3600), now)).toBe('3 hours ago')
    expect(formatRelative(ago(26 * 3600), now)).toBe('yesterday')
    setLocale('zh-CN')
    expect(formatRelative(ago(5 * 60), now)).toBe('5分钟前')
    setLocale('zh-TW')
    expect(formatRelative(ago(5 * 60), now)).toBe('5 分鐘前')
    setLocale('ja')
    expect(formatRelative(ago(5 * 60), now)).toBe('5 分前')
    setLocale('ko')
    expect(formatRelative(ago(5 * 60), now)).toBe('5분 전')
    expect(formatRelative('not a date', now)).toBe('')
  })

  it("writes times and sizes in the reader's locale, not the browser's", () => {
    const iso = '2020-01-15T08:05:00Z'
    setLocale('ja')
    expect(formatTime(iso)).toBe(
      new Date(iso).toLocaleString('ja', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }),
    )
    expect(formatTime(iso)).toContain('1月15日')
    expect(formatBytes(1)).toBe('1 バイト')
    setLocale('en')
    expect(formatBytes(1)).toBe('1 byte')
    expect(formatBytes(912)).toBe('912 bytes')
  })
})
