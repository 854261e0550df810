// Mounted through the router, as the mailed link opens it: the page takes the uid and token from the path.
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { mountAt } from '../testing/index.js'

/**
 * @param {number} status
 * @param {unknown} [body]
 */
const answer = (status, body) => new Response(body === undefined ? null : JSON.stringify(body), { status })

const RULES_URL = '/api/password-rules/'

/**
 * A fetch that answers the password rules (the server's minimum `minLength`) and leaves the rest to `rest`.
 * @param {(url: string, init: RequestInit) => Promise<Response>} [rest]
 */
const serverWith = (rest = async () => answer(500), minLength = 8) =>
  vi.fn(async (/** @type {string} */ url, /** @type {RequestInit} */ init) =>
    url === RULES_URL
      ? answer(200, {
          min_length: minLength,
          rules: [
            { code: 'min_length', text: `at least ${minLength}` },
            { code: 'numeric', text: 'not only digits' },
          ],
        })
      : rest(url, init),
  )

/** @param {import('vitest').Mock} fetch */
const calls = (fetch) => fetch.mock.calls.filter(([url]) => url !== RULES_URL)

/** @param {import('@vue/test-utils').VueWrapper} wrapper */
async function type(wrapper, password, repeat = password) {
  const [first, second] = wrapper.findAll('input[type="password"]')
  await first.setValue(password)
  await second.setValue(repeat)
  await wrapper.find('form').trigger('submit')
  await flushPromises()
}

describe('ResetPasswordPage', () => {
  it('shows the server’s password rules before anyone fails them', async () => {
    vi.stubGlobal('fetch', serverWith(undefined, 10))
    const { wrapper } = await mountAt('/reset/MQ/abc-123')
    await flushPromises()
    expect(wrapper.find('h1').text()).toBe('Choose a new password')
    expect(wrapper.findAll('li').map((li) => li.text())).toContain('at least 10 characters')
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    await type(wrapper, 'nine char')
    expect(wrapper.find('[role="alert"]').text()).toBe('The password is shorter than 10 characters.')
  })

  it('says what is wrong without asking the server when it can tell', async () => {
    const fetch = serverWith()
    vi.stubGlobal('fetch', fetch)
    const { wrapper } = await mountAt('/reset/MQ/abc-123')
    await type(wrapper, 'short', 'shorter')
    expect(wrapper.find('[role="alert"]').text()).toContain('The password is shorter than 8 characters.')
    expect(wrapper.find('[role="alert"]').text()).toContain('The two passwords are not the same.')
    await type(wrapper, '1234567890')
    expect(wrapper.find('[role="alert"]').text()).toBe('The password is only numbers.')
    expect(calls(fetch)).toEqual([])
  })

  it('sends the link’s uid and token with the new password, then offers sign-in', async () => {
    const fetch = serverWith(async () => answer(204))
    vi.stubGlobal('fetch', fetch)
    const { wrapper, router } = await mountAt('/reset/MQ/abc-123')
    await type(wrapper, 'a brand new passphrase 7')
    const [url, init] = calls(fetch)[0]
    expect(url).toBe('/auth/users/reset_password_confirm/')
    expect(JSON.parse(String(init.body))).toEqual({
      uid: 'MQ',
      token: 'abc-123',
      new_password: 'a brand new passphrase 7',
    })
    expect(wrapper.find('[role="status"]').text()).toBe('Your password is changed. Sign in with the new one.')
    expect(wrapper.find('a.button').attributes('href')).toBe(router.resolve({ name: 'signin' }).href)
  })

  it('shows the server’s rules next to the field, and offers a new link when this one is spent', async () => {
    const replies = [
      answer(400, { new_password: ['This password is too common.'] }),
      answer(400, { token: ['This reset link is invalid or has expired. Ask for a new one.'] }),
    ]
    vi.stubGlobal(
      'fetch',
      serverWith(async () => /** @type {Response} */ (replies.shift())),
    )
    const { wrapper, router } = await mountAt('/reset/MQ/abc-123')
    await type(wrapper, 'password123')
    expect(wrapper.find('.field__errors').text()).toBe('This password is too common.')
    await type(wrapper, 'a brand new passphrase 7')
    expect(wrapper.find('[role="alert"]').text()).toContain('This reset link is invalid or has expired.')
    const again = wrapper.findAll('a').find((a) => a.text() === 'Ask for a new link')
    expect(again?.attributes('href')).toBe(router.resolve({ name: 'forgot-password' }).href)
  })
})
