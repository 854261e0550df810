/** Test doubles for the transport: an in-memory chat server behind a fake fetch, and a fake WebSocket. */

function fakeResponse(status, body, headers = {}) {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: { get: (name) => lower[name.toLowerCase()] ?? null },
    text: async () => (body === undefined ? '' : JSON.stringify(body)),
  }
}

/** One chat session's messages API, speaking the contract in DESIGN.md (after/before/limit, ETag, Idempotency-Key). */
export class FakeChatServer {
  constructor(uri = 'room1') {
    this.uri = uri
    this.messages = []
    this.requests = []
    this.offline = false // fetch rejects like a dropped network
    this.forcedStatus = null // every request answers with this status
    this.forcedHeaders = {} // ...and these headers (e.g. Retry-After)
    this.forcedMethod = null // only requests with this method are forced ('POST': sends fail, polls work)
    this.storedByKey = new Map()
    this.fetch = this.fetch.bind(this)
  }

  add(text, username = 'bob', isBot = false) {
    const seq = this.messages.length + 1
    const message = {
      id: 1000 + seq,
      seq,
      user: { id: username.length, username },
      message: text,
      created_at: new Date(Date.UTC(2025, 0, 1, 12, 0, seq)).toISOString(),
      is_bot: isBot,
    }
    this.messages.push(message)
    return message
  }

  get polls() {
    return this.requests.filter((r) => r.method === 'GET')
  }

  async fetch(input, init = {}) {
    const url = new URL(input, 'http://localhost')
    const method = init.method || 'GET'
    const headers = init.headers || {}
    this.requests.push({ method, path: url.pathname + url.search, headers, body: init.body })
    if (this.offline) throw new TypeError('Failed to fetch')
    if (this.forcedStatus && (!this.forcedMethod || this.forcedMethod === method)) {
      return fakeResponse(this.forcedStatus, { detail: 'forced' }, this.forcedHeaders)
    }
    if (method === 'POST') {
      const key = headers['Idempotency-Key']
      if (key && this.storedByKey.has(key)) return fakeResponse(201, this.storedByKey.get(key))
      const stored = this.add(JSON.parse(init.body).message, 'me')
      if (key) this.storedByKey.set(key, stored)
      return fakeResponse(201, stored)
    }
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
  static instances = []

  static get latest() {
    return FakeWebSocket.instances.at(-1)
  }

  constructor(url) {
    this.url = url
    this.readyState = 0
    this.sent = []
    FakeWebSocket.instances.push(this)
  }

  /** The server accepted the connection. */
  open() {
    this.readyState = 1
    this.onopen?.({})
  }

  push(event) {
    this.onmessage?.({ data: JSON.stringify(event) })
  }

  /** The server (or the network) closed the connection. */
  drop(code = 1006) {
    this.readyState = 3
    this.onclose?.({ code })
  }

  send(data) {
    this.sent.push(data)
  }

  close(code = 1000) {
    this.closedWith = code
    this.readyState = 3
  }
}
