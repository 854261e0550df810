import { flushPromises } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { setToken } from '../api/client.js'
import { useAuth } from '../composables/useAuth.js'
import { currentLocale } from '../i18n/index.js'
import { FAKE_CONFIG, mountAt } from '../testing/index.js'

const RULES = {
  min_length: 8,
  rules: [
    { code: 'similar', text: 'Not too similar.' },
    { code: 'min_length', text: 'At least 8 characters.' },
    { code: 'common', text: 'Not a common one.' },
    { code: 'numeric', text: 'Not all digits.' },
  ],
}

/** A small account server: the profile endpoints, answering like the backend. */
function accountServer() {
  /** @type {{id: number, username: string, email: string, display_name: string, avatar_url: string | null, language: string}} */
  const me = { id: 1, username: 'alice', email: '', display_name: '', avatar_url: null, language: '' }
  /** @type {{method: string, path: string, body: any}[]} */
  const requests = []
  const json = (status, body) => ({
    status,
    ok: status >= 200 && status < 300,
    headers: { get: () => null },
    text: async () => (body === undefined ? '' : JSON.stringify(body)),
  })
  const fetch = vi.fn(async (/** @type {string} */ path, /** @type {any} */ init = {}) => {
    const method = init.method ?? 'GET'
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : init.body
    requests.push({ method, path, body })
    if (path === '/api/config/') return json(200, FAKE_CONFIG)
    if (path === '/api/password-rules/') return json(200, RULES)
    if (path === '/auth/users/me/' && method === 'GET') return json(200, me)
    if (path === '/auth/users/me/' && method === 'PATCH') {
      if ('display_name' in body && body.display_name.includes('\u202e'))
        return json(400, { display_name: ['Use one line of visible characters: no control characters.'] })
      Object.assign(me, body, 'display_name' in body ? { display_name: body.display_name.trim() } : {})
      return json(200, me)
    }
    if (path === '/api/profile/avatar/' && method === 'PUT') {
      me.avatar_url = '/api/avatars/abc.webp'
      return json(200, me)
    }
    if (path === '/api/profile/avatar/' && method === 'DELETE') {
      me.avatar_url = null
      return json(200, me)
    }
    if (path === '/auth/users/set_password/') {
      if (body.current_password !== 'old password') return json(400, { current_password: ['Invalid password.'] })
      return json(204)
    }
    return json(404, { detail: 'Not found.' })
  })
  return { me, requests, fetch }
}

let server = accountServer()

beforeEach(() => {
  server = accountServer()
  vi.stubGlobal('fetch', server.fetch)
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:preview', revokeObjectURL: () => {} }))
  setToken('secret-token')
  useAuth().currentUser.value = null
})

async function openProfile() {
  const { wrapper } = await mountAt('/profile')
  await flushPromises()
  return wrapper
}

const sent = (method, path) => server.requests.filter((r) => r.method === method && r.path === path)

describe('ProfilePage', () => {
  it('sets a display name, which the app then uses for the signed-in person', async () => {
    const wrapper = await openProfile()
    const input = wrapper.get('input[autocomplete="nickname"]')
    expect(input.attributes('placeholder')).toBe('alice')
    expect(wrapper.text()).toContain('instead of your username, alice')
    await input.setValue('  Alice Liddell ')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(sent('PATCH', '/auth/users/me/')[0].body).toEqual({ display_name: '  Alice Liddell ' })
    expect(useAuth().currentUser.value?.display_name).toBe('Alice Liddell')
    expect(wrapper.text()).toContain('Saved.')
  })

  it("shows the server's words when a name is refused", async () => {
    const wrapper = await openProfile()
    await wrapper.get('input[autocomplete="nickname"]').setValue('\u202eecila')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role=alert]').text()).toBe('Use one line of visible characters: no control characters.')
    expect(wrapper.get('input[autocomplete="nickname"]').attributes('aria-invalid')).toBe('true')
  })

  it('switches the language at once, without a reload, and saves it for the account', async () => {
    const wrapper = await openProfile()
    expect(wrapper.get('h1').text()).toBe('Your profile')
    const select = wrapper.get('select')
    expect(select.findAll('option').map((o) => o.text())).toEqual([
      'English',
      '简体中文',
      '繁體中文',
      '日本語',
      '한국어',
    ])
    await select.setValue('ja')
    await flushPromises()
    expect(currentLocale()).toBe('ja')
    expect(wrapper.get('h1').text()).toBe('プロフィール')
    expect(sent('PATCH', '/auth/users/me/')[0].body).toEqual({ language: 'ja' })
  })

  it('shows the password rules before anything is typed, and checks what it can as one types', async () => {
    const wrapper = await openProfile()
    const rules = wrapper.get('.profile__rules')
    expect(rules.text()).toContain('has at least 8 characters')
    expect(rules.text()).toContain('is not a commonly used password')
    const submit = wrapper.findAll('button[type=submit]').at(-1)
    expect(submit?.attributes('disabled')).toBeDefined()
    await wrapper.get('input[autocomplete="current-password"]').setValue('old password')
    const [next, repeat] = wrapper.findAll('input[autocomplete="new-password"]')
    await next.setValue('1234')
    expect(rules.find('.rule--unmet').text()).toContain('has at least 8 characters')
    expect(submit?.attributes('disabled')).toBeDefined()
    await next.setValue('correct horse battery')
    await repeat.setValue('correct horse battery')
    expect(rules.findAll('.rule--unmet')).toHaveLength(0)
    expect(submit?.attributes('disabled')).toBeUndefined()
  })

  it('changes the password, and says so', async () => {
    const wrapper = await openProfile()
    await wrapper.get('input[autocomplete="current-password"]').setValue('old password')
    const [next, repeat] = wrapper.findAll('input[autocomplete="new-password"]')
    await next.setValue('correct horse battery')
    await repeat.setValue('correct horse battery')
    await wrapper.findAll('form').at(-1)?.trigger('submit')
    await flushPromises()
    expect(sent('POST', '/auth/users/set_password/')[0].body).toEqual({
      current_password: 'old password',
      new_password: 'correct horse battery',
    })
    expect(wrapper.text()).toContain('Your password is changed.')
    expect(/** @type {HTMLInputElement} */ (next.element).value).toBe('')
  })

  it('puts a wrong current password next to its field', async () => {
    const wrapper = await openProfile()
    await wrapper.get('input[autocomplete="current-password"]').setValue('guess')
    const [next, repeat] = wrapper.findAll('input[autocomplete="new-password"]')
    await next.setValue('correct horse battery')
    await repeat.setValue('correct horse battery')
    await wrapper.findAll('form').at(-1)?.trigger('submit')
    await flushPromises()
    const current = wrapper.get('input[autocomplete="current-password"]')
    expect(current.attributes('aria-invalid')).toBe('true')
    expect(wrapper.get(`#${current.attributes('aria-describedby')}`).text()).toBe('Invalid password.')
  })

  it('previews a chosen picture, uploads it, and removes it', async () => {
    const wrapper = await openProfile()
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.get('.avatar--initial').text()).toBe('A')
    const file = new File(['png bytes'], 'me.png', { type: 'image/png' })
    const input = wrapper.get('input[type=file]')
    Object.defineProperty(input.element, 'files', { value: [file] })
    await input.trigger('change')
    expect(wrapper.get('.profile__preview').attributes('src')).toBe('blob:preview')
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Use this picture')
      ?.trigger('click')
    await flushPromises()
    const [upload] = sent('PUT', '/api/profile/avatar/')
    expect(upload.body).toBeInstanceOf(FormData)
    expect(/** @type {FormData} */ (upload.body).get('file')).toBeInstanceOf(File)
    expect(wrapper.get('img.avatar').attributes('src')).toBe('/api/avatars/abc.webp')
    expect(wrapper.text()).toContain('Your picture is saved.')
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Remove picture')
      ?.trigger('click')
    await flushPromises()
    expect(sent('DELETE', '/api/profile/avatar/')).toHaveLength(1)
    expect(wrapper.find('img.avatar').exists()).toBe(false)
  })

  it('has a place for the devices', async () => {
    const wrapper = await openProfile()
    expect(wrapper.findAll('h2').map((h) => h.text())).toEqual([
      'Display name',
      'Picture',
      'Language',
      'Change password',
      'Signed-in devices',
    ])
  })
})
