import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  ApiError,
  chatSocketUrl,
  endDevice,
  inviteUrl,
  logoutAll,
  listCommands,
  listDevices,
  listMessages,
  newIdempotencyKey,
  onUnauthorized,
  parseRetryAfter,
  postMessage,
  setToken,
  token,
} from './client.js'
import { setLocale } from '../i18n/index.js'
import { fakeFetch } from '../testing/index.js'

/**
 * A fetch that answers every request the same way.
 * @param {number} status
 * @param {unknown} [body]
 * @param {Record<string, string>} [headers]
 */
function respond(status, body, headers = {}) {
  return fakeFetch(async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers }))
}

beforeEach(() => setToken('abc'))

describe('api client', () => {
  it('uses relative URLs and the token header', async () => {
    const fetch = respond(200, { uri: 'r', messages: [], last_seq: 0 }, { ETag: '"e1"' })
    vi.stubGlobal('fetch', fetch)
    const result = await listMessages('r', { after: 4, limit: 100 })
    const [url, init] = fetch.mock.calls[0]
    expect(url).toBe('/api/chats/r/messages/?after=4&limit=100')
    expect(init.headers.Authorization).toBe('Token abc')
    expect(result.etag).toBe('"e1"')
  })

  it('sends If-None-Match and reports a 304 without a body', async () => {
    const fetch = respond(304)
    vi.stubGlobal('fetch', fetch)
    const result = await listMessages('r', { after: 1 }, '"e1"')
    expect(fetch.mock.calls[0][1].headers['If-None-Match']).toBe('"e1"')
    expect(result).toEqual({ status: 304, data: null, etag: '"e1"' })
  })

  it('posts a message with its Idempotency-Key', async () => {
    const fetch = respond(201, { seq: 1 })
    vi.stubGlobal('fetch', fetch)
    await postMessage('r', 'hi', 'key-1')
    const init = fetch.mock.calls[0][1]
    expect(init.method).toBe('POST')
    expect(init.headers['Idempotency-Key']).toBe('key-1')
    expect(JSON.parse(init.body)).toEqual({ message: 'hi' })
  })

  it('on 401 drops the token (also from storage) and calls the sign-in handler', async () => {
    vi.stubGlobal('fetch', respond(401, { detail: 'Invalid token.' }))
    const toSignIn = vi.fn()
    onUnauthorized(toSignIn)
    await expect(listMessages('r')).rejects.toMatchObject({ status: 401 })
    expect(toSignIn).toHaveBeenCalledOnce()
    expect(token.value).toBeNull()
    expect(localStorage.getItem('mychat.token')).toBeNull()
  })

  it('tells the sign-in handler whether a token was refused (this device was signed out) or there was none', async () => {
    vi.stubGlobal('fetch', respond(401, { detail: 'Invalid token.' }))
    const toSignIn = vi.fn()
    onUnauthorized(toSignIn)
    setToken('ended-elsewhere')
    await expect(listDevices()).rejects.toMatchObject({ status: 401 })
    setToken(null)
    await expect(listDevices()).rejects.toMatchObject({ status: 401 })
    expect(toSignIn.mock.calls).toEqual([[true], [false]])
  })

  it('ends one device and all devices at their URLs', async () => {
    const fetch = respond(204)
    vi.stubGlobal('fetch', fetch)
    await endDevice(7)
    await logoutAll()
    expect(fetch.mock.calls.map(([url, init]) => [init?.method, url])).toEqual([
      ['DELETE', '/api/devices/7/'],
      ['POST', '/api/devices/logout-all/'],
    ])
  })

  it('keeps the token in localStorage so it survives a reload', () => {
    setToken('kept')
    expect(localStorage.getItem('mychat.token')).toBe('kept')
  })

  it('turns other errors into ApiError with the field errors', async () => {
    vi.stubGlobal('fetch', respond(400, { message: ['This field may not be blank.'] }))
    const error = await postMessage('r', '').catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(400)
    expect(error.message).toBe('This field may not be blank.')
  })

  it('treats a missing bot (404) as no commands', async () => {
    vi.stubGlobal('fetch', respond(404, { detail: 'Not found.' }))
    expect(await listCommands()).toEqual([])
  })

  it('builds same-origin socket and invite URLs', () => {
    expect(chatSocketUrl('r 1')).toBe(`ws://${location.host}/ws/chats/r%201/?token=abc&lang=en`)
    expect(inviteUrl('c0de_-1')).toBe(`${location.origin}/join/c0de_-1`)
  })

  it("asks for the reader's language: Accept-Language on requests, lang= on sockets", async () => {
    setLocale('zh-TW')
    const fetch = respond(200, { uri: 'r', messages: [], last_seq: 0 })
    vi.stubGlobal('fetch', fetch)
    await listMessages('r', {})
    expect(fetch.mock.calls[0][1].headers['Accept-Language']).toBe('zh-TW')
    expect(chatSocketUrl('r')).toBe(`ws://${location.host}/ws/chats/r/?token=abc&lang=zh-TW`)
  })

  it("says a failure without words of the server's in the reader's language", () => {
    setLocale('ja')
    expect(new ApiError(502, null).message).toBe('リクエストに失敗しました（502）')
    expect(new ApiError(400, { detail: '検索する語句を入力してください。' }).message).toBe(
      '検索する語句を入力してください。',
    )
  })

  it('makes a fresh UUID per message, even without crypto.randomUUID', () => {
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey())
    const original = crypto.randomUUID
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true })
    try {
      expect(newIdempotencyKey()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true })
    }
  })

  it('ignores a late 401 for a token that has since been replaced', async () => {
    /** @type {(response: Response) => void} */
    let answer = () => {}
    vi.stubGlobal(
      'fetch',
      fakeFetch(() => new Promise((resolve) => (answer = resolve))),
    )
    const toSignIn = vi.fn()
    onUnauthorized(toSignIn)
    const request = listMessages('r') // sent with 'abc'
    setToken('newer')
    answer(new Response(JSON.stringify({ detail: 'Invalid token.' }), { status: 401 }))
    await expect(request).rejects.toMatchObject({ status: 401 })
    expect(toSignIn).not.toHaveBeenCalled()
    expect(token.value).toBe('newer')
  })

  it('follows a sign-in or sign-out in another tab', () => {
    window.dispatchEvent(new StorageEvent('storage', { key: 'mychat.token', oldValue: 'abc', newValue: 'other' }))
    expect(token.value).toBe('other')
    window.dispatchEvent(new StorageEvent('storage', { key: 'mychat.token', oldValue: 'other', newValue: null }))
    expect(token.value).toBeNull()
    window.dispatchEvent(new StorageEvent('storage', { key: 'something.else', newValue: 'x' }))
    expect(token.value).toBeNull()
  })

  it('reads Retry-After (seconds or a date) into the error', async () => {
    vi.stubGlobal('fetch', respond(429, { detail: 'Slow down.' }, { 'Retry-After': '12' }))
    expect(await postMessage('r', 'hi').catch((e) => e)).toMatchObject({ status: 429, retryAfter: 12000 })
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', Date.UTC(2025, 0, 1))).toBe(30000)
    expect(parseRetryAfter(null)).toBeNull()
    expect(parseRetryAfter('soon')).toBeNull()
  })
})
