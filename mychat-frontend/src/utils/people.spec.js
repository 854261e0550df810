import { describe, expect, it } from 'vitest'
import { chatName } from './format.js'
import { lastMessageLine } from './chatList.js'
import { describeEvent } from './chatEvents.js'
import { displayName } from './people.js'

const ana = { id: 1, username: 'ana', display_name: 'Ana Lima', avatar_url: null }
const bob = { id: 2, username: 'bob', display_name: '', avatar_url: null }

describe('displayName', () => {
  it('is the name a person chose, else their username', () => {
    expect(displayName(ana)).toBe('Ana Lima')
    expect(displayName(bob)).toBe('bob')
    expect(displayName({ username: 'old' })).toBe('old') // a payload from before profiles
    expect(displayName(null)).toBe('')
  })

  it('names people where the app names them', () => {
    const me = { id: 3, username: 'me', display_name: 'Me', avatar_url: null }
    expect(chatName({ title: '', kind: 'direct', members_preview: [me, ana] }, me)).toBe('Ana Lima')
    const summary = /** @type {any} */ ({ last_message: { kind: 'text', user: ana, excerpt: 'hi', deleted: false } })
    expect(lastMessageLine(summary, me)).toBe('Ana Lima: hi')
    expect(describeEvent({ type: 'remove', user: bob, by: ana })).toBe('bob was removed by Ana Lima')
  })
})
