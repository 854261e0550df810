/** Test doubles: an in-memory mychat server behind a fake fetch (one chat, its messages and the few other endpoints the app calls), and a fake WebSocket. */
import { vi } from 'vitest'

/** What GET /api/config/ answers, as the backend does by default. */
export const FAKE_CONFIG = Object.freeze({ message_max_length: 2000, title_max_length: 200, bot_username: 'hubot' })

const START = Date.UTC(2025, 0, 1, 12, 0, 0)

/** @param {string} username */
const userNamed = (username) => ({ id: username.length, username })

/**
 * @param {number} status
 * @param {unknown} [body]
 * @param {Record<string, string>} [headers]
 */
function fakeResponse(status, body, headers = {}) {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: { get: (/** @type {string} */ name) => lower[name.toLowerCase()] ?? null },
    text: async () => (body === undefined ? '' : JSON.stringify(body)),
  }
}

/**
 * A fetch that answers each request with `answer(url, init)`; its `mock.calls` show what the app sent.
 * @param {(url: string, init?: any) => Promise<Response>} answer
 */
export const fakeFetch = (answer) => vi.fn(answer)

/** One chat session's API, speaking the contract in DESIGN.md (after/before/limit, ETag, Idempotency-Key). */
export class FakeChatServer {
  // Set by reset(), so that one server object can serve test after test.
  /** @type {import('../api/types.js').Message[]} */ messages
  /** @type {{method: string, path: string, headers: Record<string, string>, body: any}[]} */ requests
  /** @type {boolean} fetch rejects like a dropped network */ offline
  /** @type {number | null} every request answers with this status */ forcedStatus
  /** @type {Record<string, string>} ...and these headers (e.g. Retry-After) */ forcedHeaders
  /** @type {string | null} only requests with this method are forced ('POST': sends fail, polls work) */ forcedMethod
  /** @type {Map<string, import('../api/types.js').Message>} what each Idempotency-Key stored */ storedByKey
  /** @type {import('../api/types.js').PublicUser} the signed-in user */ me
  /** @type {import('../api/types.js').Config} */ config
  /** @type {import('../api/types.js').Command[]} */ commands

  constructor(uri = 'room1') {
    this.uri = uri
    this.reset()
    this.fetch = this.fetch.bind(this)
  }

  /** Back to an empty chat that answers everything. */
  reset() {
    this.messages = []
    this.requests = []
    this.offline = false
    this.forcedStatus = null
    this.forcedHeaders = {}
    this.forcedMethod = null
    this.storedByKey = new Map()
    this.me = userNamed('me')
    this.config = { ...FAKE_CONFIG }
    this.commands = []
  }

  add(text = '', username = 'bob', isBot = false) {
    const seq = this.messages.length + 1
    const message = {
      id: 1000 + seq,
      seq,
      user: userNamed(username),
      message: text,
      created_at: new Date(START + seq * 1000).toISOString(),
      is_bot: isBot,
    }
    this.messages.push(message)
    return message
  }

  /** The chat as GET /api/chats/ and joining describe it. */
  session() {
    const created = new Date(START).toISOString()
    return {
      uri: this.uri,
      title: '',
      owner: this.me,
      members: [this.me],
      created_at: created,
      last_seq: this.messages.length,
      last_activity_at: this.messages.at(-1)?.created_at ?? created,
    }
  }

  /** The message fetches (polls, catch-ups, history) so far. */
  get polls() {
    return this.requests.filter((r) => r.method === 'GET' && r.path.includes('/messages/'))
  }

  /** A function that lists the message fetches made from now on. */
  pollsAfterNow() {
    const before = this.polls.length
    return () => this.polls.slice(before)
  }

  /**
   * @param {string} input
   * @param {{method?: string, headers?: Record<string, string>, body?: any}} [init]
   */
  async fetch(input, init = {}) {
    const url = new URL(input, 'http://localhost')
    const method = init.method || 'GET'
    const headers = init.headers || {}
    this.requests.push({ method, path: url.pathname + url.search, headers, body: init.body })
    if (this.offline) throw new TypeError('Failed to fetch')
    if (this.forcedStatus && (!this.forcedMethod || this.forcedMethod === method)) {
      return fakeResponse(this.forcedStatus, { detail: 'forced' }, this.forcedHeaders)
    }
    const route = `${method} ${url.pathname}`
    const chat = `/api/chats/${encodeURIComponent(this.uri)}/`
    if (route === 'GET /api/config/') return fakeResponse(200, this.config)
    if (route === 'GET /auth/users/me/') return fakeResponse(200, this.me)
    if (route === 'GET /api/commands/') return fakeResponse(200, this.commands)
    if (route === 'GET /api/chats/') return fakeResponse(200, [this.session()])
    if (route === `POST ${chat}members/`) return fakeResponse(200, this.session())
    if (route === `POST ${chat}messages/`) return this.postMessage(headers, init.body)
    if (route === `GET ${chat}messages/`) return this.listMessages(url, headers)
    return fakeResponse(404, { detail: 'Not found.' })
  }

  /**
   * @param {Record<string, string>} headers
   * @param {string} body
   */
  postMessage(headers, body) {
    const key = headers['Idempotency-Key']
    if (key && this.storedByKey.has(key)) return fakeResponse(201, this.storedByKey.get(key))
    const stored = this.add(JSON.parse(body).message, 'me')
    if (key) this.storedByKey.set(key, stored)
    return fakeResponse(201, stored)
  }

  /**
   * @param {URL} url
   * @param {Record<string, string>} headers
   */
  listMessages(url, headers) {
    const params = url.searchParams
    const limit = Number(params.get('limit') || 100)
    let page
    if (params.has('after')) page = this.messages.filter((m) => m.seq > Number(params.get('after'))).slice(0, limit)
    else if (params.has('before'))
      page = this.messages.filter((m) => m.seq < Number(params.get('before'))).slice(-limit)
    else page = this.messages.slice(-limit)
    const etag = `"${url.search}|${this.messages.length}"`
    if (headers['If-None-Match'] === etag) return fakeResponse(304)
    return fakeResponse(200, { uri: this.uri, messages: page, last_seq: this.messages.length }, { ETag: etag })
  }
}

export class FakeWebSocket {
  /** @type {FakeWebSocket[]} */
  static instances = []

  /** The socket the app opened last (a test that asks for it expects one). */
  static get latest() {
    const socket = FakeWebSocket.instances.at(-1)
    if (!socket) throw new Error('the app has opened no WebSocket')
    return socket
  }

  /** @param {string} url */
  constructor(url) {
    this.url = url
    this.readyState = 0
    /** @type {unknown[]} */
    this.sent = []
    /** @type {number | undefined} */
    this.closedWith = undefined
    /** @type {((event: object) => void) | null} */
    this.onopen = null
    /** @type {((event: {data: string}) => void) | null} */
    this.onmessage = null
    /** @type {((event: {code: number}) => void) | null} */
    this.onclose = null
    FakeWebSocket.instances.push(this)
  }

  /** The server accepted the connection. */
  open() {
    this.readyState = 1
    this.onopen?.({})
  }

  /** @param {unknown} event what the server pushes, as JSON */
  push(event) {
    this.onmessage?.({ data: JSON.stringify(event) })
  }

  /** The server (or the network) closed the connection. */
  drop(code = 1006) {
    this.readyState = 3
    this.onclose?.({ code })
  }

  /** @param {unknown} data */
  send(data) {
    this.sent.push(data)
  }

  close(code = 1000) {
    this.closedWith = code
    this.readyState = 3
  }
}
