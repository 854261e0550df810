import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { setLocale } from '../i18n/index.js'
import { mountAt } from '../testing/index.js'
import ForgotPasswordPage from './ForgotPasswordPage.vue'
import SignInPage from './SignInPage.vue'

/**
 * @param {number} status
 * @param {unknown} [body]
 */
const answer = (status, body) => new Response(body === undefined ? null : JSON.stringify(body), { status })

describe('ForgotPasswordPage', () => {
  it('is reached from the sign-in page', async () => {
    const { wrapper, router } = await mountAt('/signin', SignInPage)
    const link = wrapper.findAll('a').find((a) => a.text() === 'Forgot your password?')
    expect(link?.attributes('href')).toBe(router.resolve({ name: 'forgot-password' }).href)
  })

  it('asks for the address and then says the same thing whatever the server knows', async () => {
    /** @type {import('vitest').Mock<(url: string, init: RequestInit) => Promise<Response>>} */
    const fetch = vi.fn(async () => answer(204))
    vi.stubGlobal('fetch', fetch)
    const { wrapper } = await mountAt('/forgot-password', ForgotPasswordPage)
    await wrapper.find('input[type="email"]').setValue(' ann@example.com ')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const [url, init] = fetch.mock.calls[0]
    expect(url).toBe('/auth/users/reset_password/')
    expect(JSON.parse(String(init.body))).toEqual({ email: 'ann@example.com' })
    expect(wrapper.find('[role="status"]').text()).toBe(
      'If an account uses that address, we sent a link to it. Check your inbox (and the spam folder).',
    )
    expect(wrapper.find('form').exists()).toBe(false)
  })

  it('says when to try again after too many requests, in the reader’s language', async () => {
    setLocale('zh-TW')
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answer(429, { detail: 'Too many…', retry_after: 1500 })),
    )
    const { wrapper } = await mountAt('/forgot-password', ForgotPasswordPage)
    await wrapper.find('input[type="email"]').setValue('ann@example.com')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[role="alert"]').text()).toBe('來自此網路的嘗試次數過多。 請在 25 分鐘後再試。')
    expect(wrapper.find('label').text()).toBe('電子郵件')
  })
})
