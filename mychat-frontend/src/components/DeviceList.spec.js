import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { onUnauthorized, setToken, token } from '../api/client.js'
import { setLocale } from '../i18n/index.js'
import { fakeFetch } from '../testing/index.js'
import DeviceList from './DeviceList.vue'

/** @typedef {import('../api/types.js').Device} Device */

/** @type {Device[]} */
let devices
/** @type {{method: string, path: string}[]} */
let requests
/** @type {number | null} every request answers with this status */
let failWith

/** @param {number} status @param {unknown} [body] */
const respond = (status, body) => new Response(body === undefined ? null : JSON.stringify(body), { status })

/**
 * The devices API as the server speaks it (GET list, DELETE one, POST logout-all).
 * @param {string} url
 * @param {any} [init]
 */
async function server(url, init = {}) {
  const method = init.method ?? 'GET'
  const path = String(url)
  requests.push({ method, path })
  if (failWith) return respond(failWith, { detail: 'Nope.' })
  if (method === 'GET' && path === '/api/devices/') return respond(200, devices)
  if (method === 'POST' && path === '/api/devices/logout-all/') {
    devices = []
    return respond(204)
  }
  const id = Number(/^\/api\/devices\/(\d+)\/$/.exec(path)?.[1])
  if (method === 'DELETE' && devices.some((d) => d.id === id)) {
    devices = devices.filter((d) => d.id !== id)
    return respond(204)
  }
  return respond(404, { detail: 'No such device.' })
}

beforeEach(() => {
  devices = [
    {
      id: 2,
      name: 'Chrome on Android',
      created: '2025-01-02T08:00:00Z',
      last_used: '2025-01-03T09:30:00Z',
      current: true,
    },
    {
      id: 1,
      name: 'Firefox on Windows',
      created: '2025-01-01T08:00:00Z',
      last_used: '2025-01-02T10:00:00Z',
      current: false,
    },
    { id: 3, name: '', created: '2024-12-01T08:00:00Z', last_used: '2024-12-01T08:00:00Z', current: false },
  ]
  requests = []
  failWith = null
  vi.stubGlobal('fetch', fakeFetch(server))
  setToken('this-device')
})

async function mountList() {
  const wrapper = mount(DeviceList, { attachTo: document.body })
  await flushPromises()
  return wrapper
}

const rows = (wrapper) => wrapper.findAll('.device')
const names = (wrapper) => rows(wrapper).map((row) => row.find('.device__name').text())
/** @param {any} within @param {string} name */
const button = (within, name) => within.findAll('button').find((b) => b.text() === name)

describe('DeviceList', () => {
  it('lists the devices, this one marked, an unnamed one as an unknown device, with when each was used', async () => {
    const wrapper = await mountList()
    expect(wrapper.find('h2').text()).toBe('Signed-in devices')
    expect(names(wrapper)).toEqual(['Chrome on Android', 'Firefox on Windows', 'Unknown device'])
    expect(rows(wrapper)[0].find('.device__current').text()).toBe('This device')
    expect(rows(wrapper)[1].find('.device__current').exists()).toBe(false)
    // Each "Sign out" names its device for a screen reader, which hears the buttons one after another.
    expect(button(rows(wrapper)[1], 'Sign out')?.attributes('aria-label')).toBe('Sign out Firefox on Windows')
    expect(rows(wrapper)[0].find('.device__when').text()).toMatch(/Last active .*2025.*Signed in .*2025/)
  })

  it('signs another device out after asking, and says so', async () => {
    const wrapper = await mountList()
    await button(rows(wrapper)[1], 'Sign out').trigger('click')
    expect(wrapper.find('[role="group"]').attributes('aria-label')).toBe('Sign out Firefox on Windows?')
    expect(requests.filter((r) => r.method !== 'GET')).toEqual([]) // nothing happens before the answer
    await button(rows(wrapper)[1], 'Sign out').trigger('click')
    await flushPromises()
    expect(requests.at(-1)).toEqual({ method: 'DELETE', path: '/api/devices/1/' })
    expect(names(wrapper)).toEqual(['Chrome on Android', 'Unknown device'])
    expect(wrapper.find('[role="status"]').text()).toBe('Firefox on Windows is signed out.')
    expect(document.activeElement).toBe(wrapper.find('h2').element) // not lost with the removed row
    expect(token.value).toBe('this-device')
  })

  it('cancelling asks nothing of the server', async () => {
    const wrapper = await mountList()
    await button(rows(wrapper)[1], 'Sign out').trigger('click')
    await button(rows(wrapper)[1], 'Cancel').trigger('click')
    expect(requests.filter((r) => r.method !== 'GET')).toEqual([])
    expect(names(wrapper)).toHaveLength(3)
  })

  it('signing this device out drops the token and goes to sign-in', async () => {
    const toSignIn = vi.fn()
    onUnauthorized(toSignIn)
    const wrapper = await mountList()
    await button(rows(wrapper)[0], 'Sign out').trigger('click')
    expect(wrapper.find('[role="group"]').attributes('aria-label')).toBe('Sign out on this device?')
    await button(rows(wrapper)[0], 'Sign out').trigger('click')
    await flushPromises()
    expect(requests.at(-1)).toEqual({ method: 'DELETE', path: '/api/devices/2/' })
    expect(token.value).toBe(null)
    expect(toSignIn.mock.calls).toEqual([[true]]) // the sign-in page then says this device was signed out
  })

  it('signs out everywhere after asking, this device included', async () => {
    const toSignIn = vi.fn()
    onUnauthorized(toSignIn)
    const wrapper = await mountList()
    await button(wrapper, 'Sign out everywhere').trigger('click')
    expect(wrapper.find('[role="group"]').attributes('aria-label')).toBe('Sign out on every device, this one included?')
    await button(wrapper.find('[role="group"]'), 'Sign out everywhere').trigger('click')
    await flushPromises()
    expect(requests.at(-1)).toEqual({ method: 'POST', path: '/api/devices/logout-all/' })
    expect(token.value).toBe(null)
    expect(toSignIn.mock.calls).toEqual([[true]]) // the sign-in page then says this device was signed out
  })

  it('a device already signed out elsewhere just leaves the list', async () => {
    const wrapper = await mountList()
    devices = devices.filter((d) => d.id !== 1) // gone meanwhile: the server says 404
    await button(rows(wrapper)[1], 'Sign out').trigger('click')
    await button(rows(wrapper)[1], 'Sign out').trigger('click')
    await flushPromises()
    expect(names(wrapper)).toEqual(['Chrome on Android', 'Unknown device'])
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('says in words when the list or a sign-out fails, and can try again', async () => {
    failWith = 503
    const wrapper = await mountList()
    expect(wrapper.find('[role="alert"]').text()).toContain('Your devices could not be loaded.')
    failWith = null
    await button(wrapper, 'Try again').trigger('click')
    await flushPromises()
    expect(names(wrapper)).toHaveLength(3)

    failWith = 500
    await button(rows(wrapper)[1], 'Sign out').trigger('click')
    await button(rows(wrapper)[1], 'Sign out').trigger('click')
    await flushPromises()
    expect(wrapper.find('[role="alert"]').text()).toBe('That device could not be signed out. Try again.')
    expect(names(wrapper)).toHaveLength(3)
  })

  it('speaks the chosen language', async () => {
    setLocale('zh-TW')
    const wrapper = await mountList()
    expect(wrapper.find('h2').text()).toBe('已登入的裝置')
    expect(names(wrapper)[2]).toBe('不明裝置')
    expect(button(wrapper, '登出所有裝置')).toBeTruthy()
  })
})
