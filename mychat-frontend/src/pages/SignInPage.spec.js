import { describe, expect, it } from 'vitest'
import { mountAt } from '../testing/index.js'
import SignInPage from './SignInPage.vue'

describe('SignInPage', () => {
  it('says why when sent here from an invite link', async () => {
    const { wrapper } = await mountAt('/signin?redirect=/join/abc', SignInPage)
    expect(wrapper.find('.hint').text()).toContain('join the chat you were invited to')
  })

  it('says why when sent here from a chat', async () => {
    const { wrapper } = await mountAt('/signin?redirect=/chats/abc', SignInPage)
    expect(wrapper.find('.hint').text()).toBe('Sign in to open this chat.')
  })

  it('says this device was signed out when a token was refused, not why one would sign in there', async () => {
    const { wrapper } = await mountAt('/signin?redirect=/join/abc&signed_out=1', SignInPage)
    expect(wrapper.find('.hint').text()).toBe('You were signed out on this device. Sign in again to go on.')
  })

  it('still renders when the redirect is given twice (an array) or is not a site path', async () => {
    for (const path of ['/signin?redirect=/chats/a&redirect=/chats/b', '/signin?redirect=//evil.example/chats/x']) {
      const { wrapper } = await mountAt(path, SignInPage)
      expect(wrapper.find('form').exists()).toBe(true)
      expect(wrapper.find('.hint').exists()).toBe(false)
    }
  })
})
