import { enableAutoUnmount, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { setToken } from '../api/client.js'
import { createAppRouter } from '../router/index.js'
import SignInPage from './SignInPage.vue'

enableAutoUnmount(afterEach)
afterEach(() => setToken(null))

async function mountAt(path) {
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  return mount(SignInPage, { global: { plugins: [router] } })
}

describe('SignInPage', () => {
  it('says why when sent here from an invite link', async () => {
    const wrapper = await mountAt('/signin?redirect=/chats/abc')
    expect(wrapper.find('.hint').exists()).toBe(true)
  })

  it('still renders when the redirect is given twice (an array) or is not a site path', async () => {
    for (const path of ['/signin?redirect=/chats/a&redirect=/chats/b', '/signin?redirect=//evil.example/chats/x']) {
      const wrapper = await mountAt(path)
      expect(wrapper.find('form').exists()).toBe(true)
      expect(wrapper.find('.hint').exists()).toBe(false)
    }
  })
})
