import { describe, expect, it } from 'vitest'
import { setToken } from '../api/client.js'
import { advance, mountAt, useFakeChat } from '../testing/index.js'

const server = useFakeChat()

describe('JoinPage (the invite link)', () => {
  it('joins with the code and opens the chat', async () => {
    server.members = []
    server.addMember('alice')
    const { router } = await mountAt('/join/code1')
    await advance(0)
    expect(server.requests.find((r) => r.path === '/api/chats/join/')?.body).toBe(JSON.stringify({ code: 'code1' }))
    expect(router.currentRoute.value.fullPath).toBe('/chats/room1')
  })

  it('says plainly that a reset or unknown link is not valid, with a way home', async () => {
    const { wrapper, router } = await mountAt('/join/old-code')
    await advance(0)
    expect(router.currentRoute.value.name).toBe('join')
    expect(wrapper.find('[role="alert"]').text()).toBe('This invite link is not valid (it may have been reset).')
    expect(wrapper.find('a[href="/"]').text()).toBe('Back to your chats')
    expect(wrapper.find('button').exists()).toBe(false) // trying again would not help
  })

  it('offers to try again when the server could not be reached', async () => {
    server.offline = true
    const { wrapper, router } = await mountAt('/join/code1')
    await advance(0)
    expect(wrapper.find('[role="alert"]').text()).toContain('Could not reach the server')
    server.offline = false
    await wrapper.find('button').trigger('click')
    await advance(0)
    expect(router.currentRoute.value.name).toBe('chat')
  })

  it('sends a signed-out visitor to sign in, and back here afterwards', async () => {
    setToken(null)
    const { router } = await mountAt('/join/code1')
    expect(router.currentRoute.value.fullPath).toBe('/signin?redirect=/join/code1')
  })
})
