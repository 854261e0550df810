import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { token } from '../api/client.js'
import { fakeFetch, mountAt } from '../testing/index.js'
import SignUpPage from './SignUpPage.vue'

/**
 * @param {number} status
 * @param {unknown} body
 */
const json = (status, body) => new Response(JSON.stringify(body), { status })

/**
 * @param {import('@vue/test-utils').VueWrapper} wrapper
 * @param {{username: string, email: string, password: string}} fields
 */
async function fill(wrapper, { username, email, password }) {
  /** @param {string} label */
  const field = (label) => {
    const found = wrapper.findAll('.field').find((f) => f.find('label').text() === label)
    if (!found) throw new Error(`no field labelled ${label}`)
    return found
  }
  await field('Username').find('input').setValue(username)
  await field('Email').find('input').setValue(email)
  await field('Password').find('input').setValue(password)
  return field
}

describe('SignUpPage', () => {
  it('shows the API field errors next to the fields', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(400, {
          username: ['A user with that username already exists.'],
          password: ['This password is too short.'],
        }),
      ),
    )
    const { wrapper } = await mountAt('/signup', SignUpPage)
    const field = await fill(wrapper, { username: 'ann', email: '', password: 'x' })
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(field('Username').find('.field__errors').text()).toBe('A user with that username already exists.')
    expect(field('Password').find('.field__errors').text()).toBe('This password is too short.')
    expect(field('Email').find('.field__errors').exists()).toBe(false)
    expect(field('Username').find('input').attributes('aria-invalid')).toBe('true')
  })

  it('creates the account, signs in, and goes on to the invited chat', async () => {
    const fetch = fakeFetch(async (url) => {
      if (url === '/auth/users/') return json(201, { id: 1, username: 'ann', email: '' })
      if (url === '/auth/token/login/') return json(200, { auth_token: 'tok' })
      if (url === '/auth/users/me/') return json(200, { id: 1, username: 'ann' })
      return json(404, {})
    })
    vi.stubGlobal('fetch', fetch)
    const { wrapper, router } = await mountAt('/signup?redirect=/chats/r1', SignUpPage)
    await fill(wrapper, { username: 'ann', email: '', password: 'long-enough-1' })
    expect(wrapper.find('button[type=submit]').text()).toBe('Sign up')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(JSON.parse(fetch.mock.calls[0][1].body)).toEqual({ username: 'ann', password: 'long-enough-1' })
    expect(token.value).toBe('tok')
    expect(router.currentRoute.value.fullPath).toBe('/chats/r1')
  })

  it('waits out a busy server (503) and creates the account only once', async () => {
    vi.useFakeTimers()
    let logins = 0
    const fetch = fakeFetch(async (url) => {
      if (url === '/auth/users/') return json(201, { id: 1, username: 'ann', email: '' })
      if (url === '/auth/token/login/') {
        logins += 1
        if (logins === 1) {
          return new Response(JSON.stringify({ detail: 'The server is busy right now.' }), {
            status: 503,
            headers: { 'Retry-After': '2' },
          })
        }
        return json(200, { auth_token: 'tok' })
      }
      if (url === '/auth/users/me/') return json(200, { id: 1, username: 'ann' })
      return json(404, {})
    })
    vi.stubGlobal('fetch', fetch)
    try {
      const { wrapper, router } = await mountAt('/signup?redirect=/chats/r1', SignUpPage)
      await fill(wrapper, { username: 'ann', email: '', password: 'long-enough-1' })
      await wrapper.find('form').trigger('submit')
      await vi.advanceTimersByTimeAsync(2000)
      await flushPromises()
      expect(wrapper.find('.form-errors').exists()).toBe(false)
      expect(fetch.mock.calls.filter(([url]) => url === '/auth/users/')).toHaveLength(1)
      expect(logins).toBe(2)
      expect(token.value).toBe('tok')
      expect(router.currentRoute.value.fullPath).toBe('/chats/r1')
    } finally {
      vi.useRealTimers()
    }
  })
})
