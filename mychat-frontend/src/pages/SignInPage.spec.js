import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { currentLocale, setLocale } from '../i18n/index.js'
import { fakeFetch, mountAt } from '../testing/index.js'
import SignInPage from './SignInPage.vue'

/** @param {number} status @param {unknown} body */
const json = (status, body) => new Response(JSON.stringify(body), { status })

/** @param {import('@vue/test-utils').VueWrapper} wrapper */
const labels = (wrapper) => wrapper.findAll('.field label').map((label) => label.text())

/** @param {import('@vue/test-utils').VueWrapper} wrapper */
async function signIn(wrapper) {
  const inputs = wrapper.findAll('.field input')
  await inputs[0].setValue('ann')
  await inputs[1].setValue('long-enough-1')
  await wrapper.find('form').trigger('submit')
  await flushPromises()
}

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

  it.each([
    ['en', 'Sign in', ['Username', 'Password']],
    ['zh-CN', '登录', ['用户名', '密码']],
    ['zh-TW', '登入', ['使用者名稱', '密碼']],
    ['ja', 'ログイン', ['ユーザー名', 'パスワード']],
    ['ko', '로그인', ['사용자 이름', '비밀번호']],
  ])('switches to %s at once, sets <html lang> and remembers it on this device', async (lang, title, fields) => {
    setLocale(lang === 'en' ? 'ja' : 'en')
    const { wrapper } = await mountAt('/signin', SignInPage)
    const select = wrapper.find('select')
    expect(wrapper.find('.language-switcher').text()).toContain(lang === 'en' ? '言語' : 'Language')
    await select.setValue(lang)
    expect(wrapper.find('h1').text()).toBe(title)
    expect(labels(wrapper)).toEqual(fields)
    expect(document.documentElement.lang).toBe(lang)
    expect(localStorage.getItem('mychat.locale')).toBe(lang)
    expect(select.findAll('option').map((option) => option.text())).toEqual([
      'English',
      '简体中文',
      '繁體中文',
      '日本語',
      '한국어',
    ])
  })

  it("asks the API in the chosen language, and after sign-in takes the user's own language", async () => {
    const fetch = fakeFetch(async (url) => {
      if (url === '/auth/token/login/') return json(200, { auth_token: 'tok' })
      if (url === '/auth/users/me/') return json(200, { id: 1, username: 'ann', language: 'ko' })
      return json(404, {})
    })
    vi.stubGlobal('fetch', fetch)
    const { wrapper } = await mountAt('/signin', SignInPage)
    await wrapper.find('select').setValue('ja')
    await signIn(wrapper)
    expect(fetch.mock.calls[0][1].headers['Accept-Language']).toBe('ja')
    expect(currentLocale()).toBe('ko')
    expect(document.documentElement.lang).toBe('ko')
  })

  it('keeps the chosen language when the user has none on the server', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch(async (url) => {
        if (url === '/auth/token/login/') return json(200, { auth_token: 'tok' })
        return json(200, { id: 1, username: 'ann' })
      }),
    )
    const { wrapper } = await mountAt('/signin', SignInPage)
    await wrapper.find('select').setValue('zh-TW')
    await signIn(wrapper)
    expect(currentLocale()).toBe('zh-TW')
  })

  it("shows the API's refusal as it comes, in the language it was asked in", async () => {
    const refusal = 'ユーザー名またはパスワードが正しくないため、ログインできません。'
    vi.stubGlobal(
      'fetch',
      fakeFetch(async () => json(400, { non_field_errors: [refusal] })),
    )
    const { wrapper } = await mountAt('/signin', SignInPage)
    await wrapper.find('select').setValue('ja')
    await signIn(wrapper)
    expect(wrapper.find('[role=alert]').text()).toBe(refusal)
  })

  it('still renders when the redirect is given twice (an array) or is not a site path', async () => {
    for (const path of ['/signin?redirect=/chats/a&redirect=/chats/b', '/signin?redirect=//evil.example/chats/x']) {
      const { wrapper } = await mountAt(path, SignInPage)
      expect(wrapper.find('form').exists()).toBe(true)
      expect(wrapper.find('.hint').exists()).toBe(false)
    }
  })
})
