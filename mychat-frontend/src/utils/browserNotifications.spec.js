import { describe, expect, it } from 'vitest'
import { directMessageAlert, mentionAlert, messageAlert } from './browserNotifications.js'

const on = { enabled: true, quiet: false, hidden: true }
const mention = /** @type {any} */ ({
  id: 7,
  kind: 'mention',
  text: 'ana mentioned you: look',
  actor: { id: 2, username: 'ana' },
  session: 'room1',
  seq: 4,
})
const direct = /** @type {any} */ ({
  uri: 'dm',
  kind: 'direct',
  last_seq: 4,
  unread_count: 1,
  last_message: { seq: 4, kind: 'text', user: { id: 2, username: 'ana' }, excerpt: 'hello', deleted: false },
})

describe('browser notifications', () => {
  it('tell of a mention while the tab is hidden', () => {
    expect(mentionAlert(on, mention)).toEqual({ title: 'ana mentioned you', body: mention.text, tag: 'mention-7' })
  })

  it('stay silent when off, in quiet mode, with the tab in view, or for a join', () => {
    expect(mentionAlert({ ...on, enabled: false }, mention)).toBeNull()
    expect(mentionAlert({ ...on, quiet: true }, mention)).toBeNull()
    expect(mentionAlert({ ...on, hidden: false }, mention)).toBeNull()
    expect(mentionAlert(on, { ...mention, kind: 'join' })).toBeNull()
  })

  it("tell of someone else's new message in a direct chat, once", () => {
    expect(directMessageAlert(on, direct, undefined, { id: 1 })).toEqual({
      title: 'ana',
      body: 'hello',
      tag: 'chat-dm',
    })
    expect(directMessageAlert(on, direct, direct, { id: 1 })).toBeNull() // the same message again (an edit)
    expect(directMessageAlert(on, direct, undefined, { id: 2 })).toBeNull() // one's own
    expect(directMessageAlert(on, { ...direct, kind: 'group' }, undefined, { id: 1 })).toBeNull()
    expect(directMessageAlert({ ...on, quiet: true }, direct, undefined, { id: 1 })).toBeNull()
  })
})

describe('browser notifications in an open chat', () => {
  const message = /** @type {any} */ ({
    seq: 5,
    kind: 'text',
    deleted: false,
    user: { id: 2, username: 'ana' },
    message: 'hi @me',
    mentions: [1],
  })
  const group = { kind: 'group', uri: 'room1' }

  it('tell of a mention, and of anything in a direct chat', () => {
    expect(messageAlert(on, message, group, { id: 1 })?.title).toBe('ana mentioned you')
    expect(messageAlert(on, { ...message, mentions: [] }, { kind: 'direct', uri: 'dm' }, { id: 1 })?.title).toBe('ana')
  })

  it('stay silent for the rest of a group chat, for one’s own, and when not asked for', () => {
    expect(messageAlert(on, { ...message, mentions: [] }, group, { id: 1 })).toBeNull()
    expect(messageAlert(on, message, group, { id: 2 })).toBeNull()
    expect(messageAlert({ ...on, quiet: true }, message, group, { id: 1 })).toBeNull()
    expect(messageAlert({ ...on, hidden: false }, message, group, { id: 1 })).toBeNull()
  })
})
