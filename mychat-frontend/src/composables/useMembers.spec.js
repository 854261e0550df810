import { describe, expect, it } from 'vitest'
import { useFakeChat, withScope } from '../testing/index.js'
import { useMembers } from './useMembers.js'

const server = useFakeChat()

describe('useMembers', () => {
  it('loads the first page, counting everyone', async () => {
    server.addMember('bob')
    const members = withScope(() => useMembers(() => 'room1'))
    await members.load()
    expect(members.members.value.map((m) => m.user.username)).toEqual(['me', 'bob'])
    expect([members.count.value, members.hasMore.value]).toEqual([2, false])
  })

  it('takes someone who already left off the list without an error', async () => {
    server.addMember('bob')
    const members = withScope(() => useMembers(() => 'room1'))
    await members.load()
    server.members = server.members.slice(0, 1) // bob left meanwhile: removing him is a 404
    expect(await members.remove({ id: 3, username: 'bob', display_name: '', avatar_url: null })).toBe(true)
    expect(members.error.value).toBe('')
    expect(members.count.value).toBe(1)
  })

  it('keeps the list and says why when the network fails', async () => {
    server.addMember('bob')
    const members = withScope(() => useMembers(() => 'room1'))
    await members.load()
    server.offline = true
    expect(await members.remove({ id: 3, username: 'bob', display_name: '', avatar_url: null })).toBe(false)
    expect(members.error.value).toMatch(/^Couldn't remove bob: no connection/)
    expect(members.members.value).toHaveLength(2)
  })
})
