/** Test doubles: an in-memory mychat server behind a fake fetch (one chat, its messages and the few other endpoints the app calls), and a fake WebSocket. */
import { vi } from 'vitest'

/** What GET /api/config/ answers, as the backend does by default. */
export const FAKE_CONFIG = Object.freeze({
  message_max_length: 2000,
  title_max_length: 200,
  bot_username: 'hubot',
  upload_max_bytes: 25 * 1024 * 1024,
  avatar_max_bytes: 5 * 1024 * 1024,
})

const START = Date.UTC(2025, 0, 1, 12, 0, 0)

/** @param {string} username */
const userNamed = (username) => ({ id: username.length, username, display_name: '', avatar_url: null })

/** @typedef {import('../api/types.js').Message} Message */

/**
 * A message as the API sends it, with every field; `fields` override the defaults.
 * @param {Partial<Message> & {seq: number}} fields
 * @returns {Message}
 */
export function fakeMessage(fields) {
  return {
    id: 1000 + fields.seq,
    rev: fields.seq,
    kind: 'text',
    event: null,
    user: userNamed('bob'),
    message: `message ${fields.seq}`,
    created_at: new Date(START + fields.seq * 1000).toISOString(),
    edited_at: null,
    deleted: false,
    is_bot: false,
    reply_to: null,
    reactions: [],
    attachments: [],
    mentions: [],
    idempotency_key: null,
    ...fields,
  }
}

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

/** One chat session's API, speaking the contract in DESIGN.md (since/after/before/around/limit, revs, ETag, Idempotency-Key, edits, deletes, reactions). */
export class FakeChatServer {
  // Set by reset(), so that one server object can serve test after test.
  /** @type {import('../api/types.js').Message[]} */ messages
  /** @type {{method: string, path: string, headers: Record<string, string>, body: any}[]} */ requests
  /** @type {boolean} fetch rejects like a dropped network */ offline
  /** @type {number | null} every request answers with this status */ forcedStatus
  /** @type {Record<string, string>} ...and these headers (e.g. Retry-After) */ forcedHeaders
  /** @type {string | null} only requests with this method are forced ('POST': sends fail, polls work) */ forcedMethod
  /** @type {Map<string, import('../api/types.js').Message>} what each Idempotency-Key stored */ storedByKey
  /** @type {number} the session's change counter */ rev
  /** @type {import('../api/types.js').PublicUser} the signed-in user */ me
  /** @type {import('../api/types.js').Config} */ config
  /** @type {import('../api/types.js').Command[]} */ commands
  /** @type {string} the chat's title */ title
  /** @type {'group' | 'direct'} */ kind
  /** @type {import('../api/types.js').Member[]} longest-standing first; the first is the owner */ members
  /** @type {string} the current invite code */ inviteCode
  /** @type {boolean} the signed-in user is out (left, removed, or the chat deleted): 403 */ out
  /** @type {number} the signed-in user's read mark */ lastRead
  /** @type {import('../api/types.js').Notification[]} the signed-in user's, newest first */ notifications

  constructor(uri = 'room1') {
    this.uri = uri
    this.reset()
    this.fetch = this.fetch.bind(this)
  }

  /** Back to an empty chat that answers everything. */
  reset() {
    this.messages = []
    this.rev = 0
    this.requests = []
    this.offline = false
    this.forcedStatus = null
    this.forcedHeaders = {}
    this.forcedMethod = null
    this.storedByKey = new Map()
    this.me = userNamed('me')
    this.config = { ...FAKE_CONFIG }
    this.commands = []
    this.title = ''
    this.kind = 'group'
    this.members = []
    this.join(this.me)
    this.inviteCode = 'code1'
    this.out = false
    this.lastRead = 0
    this.notifications = []
  }

  /** @param {import('../api/types.js').PublicUser} user a member from now on (the first one owns the chat) */
  join(user) {
    if (this.members.some((m) => m.user.id === user.id)) return
    const role = this.members.length ? 'member' : 'owner'
    this.members.push({ user, role, joined_at: new Date(START + this.members.length).toISOString() })
  }

  /** @param {string} username someone else joins */
  addMember(username) {
    this.join(userNamed(username))
  }

  /**
   * A new message in the chat, as if someone posted it.
   * @param {string} [text]
   * @param {string} [username]
   * @param {boolean} [isBot]
   * @param {{replyTo?: number | null}} [options]
   */
  add(text = '', username = 'bob', isBot = false, { replyTo = null } = {}) {
    const seq = this.messages.length + 1
    const original = replyTo ? this.messages.find((m) => m.seq === replyTo) : null
    const message = fakeMessage({
      seq,
      rev: ++this.rev,
      user: userNamed(username),
      message: text,
      is_bot: isBot,
      reply_to: original
        ? { seq: original.seq, user: original.user, excerpt: original.message, deleted: original.deleted }
        : null,
    })
    this.messages.push(message)
    return message
  }

  /**
   * A change to message `seq` (an edit, a delete, a reaction): it takes the next rev.
   * @param {number} seq
   * @param {Partial<Message>} fields
   */
  change(seq, fields) {
    const index = this.messages.findIndex((m) => m.seq === seq)
    this.messages[index] = { ...this.messages[index], ...fields, rev: ++this.rev }
    return this.messages[index]
  }

  /** @param {number} seq @param {string} text */
  edit(seq, text) {
    return this.change(seq, { message: text, edited_at: new Date(START + 3600_000).toISOString() })
  }

  /** @param {number} seq */
  remove(seq) {
    return this.change(seq, { deleted: true, message: '', reactions: [] })
  }

  /** @param {number} seq @param {string} emoji @param {string} [username] */
  react(seq, emoji, username = 'me') {
    const { id } = userNamed(username)
    const reactions = this.messages.find((m) => m.seq === seq)?.reactions ?? []
    const existing = reactions.find((r) => r.emoji === emoji)
    if (existing?.user_ids.includes(id)) return this.messages.find((m) => m.seq === seq)
    const next = existing
      ? reactions.map((r) => (r === existing ? { ...r, count: r.count + 1, user_ids: [...r.user_ids, id] } : r))
      : [...reactions, { emoji, count: 1, user_ids: [id] }]
    return this.change(seq, { reactions: next })
  }

  /** @param {number} seq @param {string} emoji @param {string} [username] */
  unreact(seq, emoji, username = 'me') {
    const { id } = userNamed(username)
    const message = this.messages.find((m) => m.seq === seq)
    const mine = message?.reactions.find((r) => r.emoji === emoji && r.user_ids.includes(id))
    if (!message || !mine) return message
    const next = message.reactions
      .map((r) => (r === mine ? { ...r, count: r.count - 1, user_ids: r.user_ids.filter((u) => u !== id) } : r))
      .filter((r) => r.count > 0)
    return this.change(seq, { reactions: next })
  }

  /**
   * The chat as GET /api/chats/ and joining describe it.
   * @returns {import('../api/types.js').Session}
   */
  session() {
    const created = new Date(START).toISOString()
    const owner = this.members.find((m) => m.role === 'owner')?.user ?? this.me
    return {
      uri: this.uri,
      kind: this.kind,
      title: this.title,
      owner,
      members: this.members.map((m) => m.user),
      member_count: this.members.length,
      role: this.kind === 'group' && owner.id === this.me.id ? 'owner' : 'member',
      invite: this.kind === 'group' ? { code: this.inviteCode, url: `http://localhost/join/${this.inviteCode}` } : null,
      created_at: created,
      last_seq: this.messages.length,
      rev: this.rev,
      last_activity_at: this.messages.at(-1)?.created_at ?? created,
      last_read_seq: Math.min(this.lastRead, this.messages.length),
    }
  }

  /**
   * The chat as the chat list shows it (and the notification socket pushes it).
   * @returns {import('../api/types.js').ChatSummary}
   */
  summary() {
    const session = this.session()
    const last = this.messages.at(-1)
    const lastMessage = last && {
      seq: last.seq,
      kind: last.kind,
      user: last.user,
      excerpt: last.message.slice(0, 120),
      deleted: last.deleted,
      created_at: last.created_at,
    }
    return {
      uri: session.uri,
      title: session.title,
      kind: session.kind,
      owner: session.owner,
      member_count: session.member_count,
      members_preview: session.members.slice(0, 5),
      last_message: lastMessage ?? null,
      last_seq: session.last_seq,
      last_activity_at: session.last_activity_at,
      last_read_seq: session.last_read_seq,
      unread_count: session.last_seq - session.last_read_seq,
      mention_count: this.unreadMentions(),
      role: session.role,
    }
  }

  unreadMentions() {
    return this.notifications.filter((n) => n.kind === 'mention' && !n.read).length
  }

  /** GET /api/chats/, with an ETag of what it shows. */
  listChats(headers) {
    const body = this.out ? [] : [this.summary()]
    const etag = `"${this.rev}.${this.lastRead}.${this.out}.${this.unreadMentions()}"`
    if (headers['If-None-Match'] === etag) return fakeResponse(304)
    return fakeResponse(200, body, { ETag: etag })
  }

  /** POST <chat>/read/: forward only, clamped. */
  markRead(body) {
    const seq = JSON.parse(body).seq
    this.lastRead = Math.max(this.lastRead, Math.min(seq, this.messages.length))
    const unread = this.messages.length - this.lastRead
    return fakeResponse(200, {
      uri: this.uri,
      last_read_seq: this.lastRead,
      last_seq: this.messages.length,
      unread_count: unread,
    })
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
    if (route === 'GET /api/chats/') return this.listChats(headers)
    if (route === 'GET /api/notifications/') return fakeResponse(200, this.notifications)
    if (route === 'POST /api/notifications/read-all/') {
      const marked = this.notifications.filter((n) => !n.read).length
      this.notifications = this.notifications.map((n) => ({ ...n, read: true }))
      return fakeResponse(200, { marked })
    }
    const notification = /^\/api\/notifications\/(\d+)\/read\/$/.exec(url.pathname)
    if (notification && method === 'POST') {
      const found = this.notifications.find((n) => n.id === Number(notification[1]))
      if (!found) return fakeResponse(404, { detail: 'No such notification.' })
      const marked = { ...found, read: true }
      this.notifications = this.notifications.map((n) => (n === found ? marked : n))
      return fakeResponse(200, marked)
    }
    if (route === 'POST /api/chats/') return fakeResponse(201, this.session())
    if (route === 'POST /api/chats/join/') return this.joinWith(JSON.parse(init.body).code)
    if (route === 'GET /api/search/') return this.search(url)
    if (url.pathname.startsWith(chat) && this.out) return fakeResponse(403, { detail: 'You are not a member.' })
    if (route === `GET ${chat}`) return fakeResponse(200, this.session())
    if (route === `POST ${chat}read/`) return this.markRead(init.body)
    if (route === `POST ${chat}members/`) return fakeResponse(200, this.session())
    if (route === `GET ${chat}members/`) return this.memberPage(url)
    if (method === 'DELETE' && url.pathname.startsWith(`${chat}members/`)) return this.removeMember(url.pathname)
    if (['PATCH', 'DELETE'].includes(method) && url.pathname === chat) return this.manage(method, init.body)
    if (route === `POST ${chat}invite/`) return this.manage('RESET')
    if (route === `POST ${chat}messages/`) return this.postMessage(headers, init.body)
    if (route === `GET ${chat}messages/`) return this.listMessages(url, headers)
    const one = new RegExp(`^${chat}messages/(\\d+)/(?:reactions/([^/]+)/)?$`).exec(url.pathname)
    const message = one && this.messages.find((m) => m.seq === Number(one[1]))
    if (one && !message) return fakeResponse(404, { detail: 'No message with this seq in this chat.' })
    if (message && one?.[2]) {
      if (message.deleted) return fakeResponse(409, { detail: 'This message was deleted.' })
      const emoji = decodeURIComponent(one[2])
      if (method === 'PUT') return fakeResponse(200, this.react(message.seq, emoji))
      if (method === 'DELETE') return fakeResponse(200, this.unreact(message.seq, emoji))
    }
    if (message && method === 'PATCH') {
      if (message.user.id !== this.me.id) return fakeResponse(403, { detail: 'Only its author can edit a message.' })
      if (message.deleted) return fakeResponse(409, { detail: 'This message was deleted.' })
      return fakeResponse(200, this.edit(message.seq, JSON.parse(init.body).message))
    }
    if (message && method === 'DELETE') {
      if (!message.deleted) this.remove(message.seq)
      return fakeResponse(204)
    }
    return fakeResponse(404, { detail: 'Not found.' })
  }

  /**
   * GET /api/search/ over this chat's messages: every word a case-insensitive substring, newest
   * first, `before` the seq of the last result shown.
   * @param {URL} url
   */
  search(url) {
    const q = url.searchParams.get('q') ?? ''
    if (!q.trim()) return fakeResponse(400, { q: ['Type something to search for.'] })
    const terms = q.toLowerCase().split(/\s+/).filter(Boolean)
    const before = Number(url.searchParams.get('before') || Infinity)
    const limit = Number(url.searchParams.get('limit') || 20)
    const hits = this.messages
      .filter((m) => m.kind !== 'system' && !m.deleted && m.seq < before)
      .filter((m) => terms.every((term) => m.message.toLowerCase().includes(term)))
      .reverse()
    const page = hits.slice(0, limit)
    const results = page.map((message) => {
      const text = message.message.toLowerCase()
      const term = terms[0]
      const start = text.indexOf(term)
      return {
        chat: { uri: this.uri, title: this.title, kind: this.kind },
        message,
        highlights: [[start, start + term.length]],
      }
    })
    const next = hits.length > limit ? String(page.at(-1)?.seq) : null
    return fakeResponse(200, { results, next })
  }

  /** @param {string} code */
  joinWith(code) {
    if (code !== this.inviteCode || this.kind !== 'group') {
      return fakeResponse(404, { detail: 'This invite link is not valid (it may have been reset).' })
    }
    const known = this.members.some((m) => m.user.id === this.me.id) && !this.out
    this.out = false
    this.join(this.me)
    return fakeResponse(known ? 200 : 201, this.session())
  }

  /** @param {URL} url */
  memberPage(url) {
    const page = Number(url.searchParams.get('page') || 1)
    const results = this.members.slice((page - 1) * 50, page * 50)
    const more = this.members.length > page * 50
    const next = more ? `http://localhost${url.pathname}?page=${page + 1}` : null
    return fakeResponse(200, { count: this.members.length, next, previous: null, results })
  }

  /** @param {string} path …/members/<id or me>/ */
  removeMember(path) {
    const which = path.split('/').at(-2)
    const id = which === 'me' ? this.me.id : Number(which)
    const isOwner = this.session().role === 'owner'
    if (id !== this.me.id && !isOwner) return fakeResponse(403, { detail: "Only the chat's owner can remove members." })
    if (!this.members.some((m) => m.user.id === id)) return fakeResponse(404, { detail: 'No member with this id.' })
    this.members = this.members.filter((m) => m.user.id !== id)
    if (id === this.me.id) this.out = true
    return fakeResponse(204)
  }

  /**
   * The owner's actions: PATCH (rename), DELETE (the chat), RESET (the invite).
   * @param {string} action
   * @param {string} [body]
   */
  manage(action, body) {
    if (this.session().role !== 'owner') return fakeResponse(403, { detail: "Only the chat's owner can do that." })
    if (action === 'DELETE') {
      this.out = true
      return fakeResponse(204)
    }
    if (action === 'RESET') this.inviteCode = `${this.inviteCode}x`
    else this.title = JSON.parse(body ?? '{}').title.trim()
    return fakeResponse(200, this.session())
  }

  /**
   * @param {Record<string, string>} headers
   * @param {string} body
   */
  postMessage(headers, body) {
    const key = headers['Idempotency-Key']
    if (key && this.storedByKey.has(key)) return fakeResponse(201, this.storedByKey.get(key))
    const { message, reply_to: replyTo = null } = JSON.parse(body)
    if (replyTo && !this.messages.some((m) => m.seq === replyTo))
      return fakeResponse(400, { reply_to: ['No message with this seq in this chat.'] })
    const stored = this.add(message, 'me', false, { replyTo })
    stored.idempotency_key = key ?? null
    this.lastRead = stored.seq // posting reads up to one's own message
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
    const number = (/** @type {string} */ name) => Number(params.get(name))
    const bySeq = this.messages
    let page
    let hasMore
    let rev = this.rev
    if (params.has('since')) {
      const changed = [...bySeq].filter((m) => m.rev > number('since')).sort((a, b) => a.rev - b.rev)
      page = changed.slice(0, limit)
      hasMore = changed.length > limit
      if (hasMore) rev = page.at(-1)?.rev ?? rev
    } else if (params.has('around')) {
      const older = bySeq.filter((m) => m.seq < number('around')).slice(-Math.floor(limit / 2))
      const newer = bySeq.filter((m) => m.seq >= number('around')).slice(0, limit - older.length)
      page = [...older, ...newer]
      hasMore = false
    } else if (params.has('after')) {
      const after = bySeq.filter((m) => m.seq > number('after'))
      page = after.slice(0, limit)
      hasMore = after.length > limit
    } else {
      const before = params.has('before') ? bySeq.filter((m) => m.seq < number('before')) : bySeq
      page = before.slice(-limit)
      hasMore = before.length > limit
    }
    const etag = `"${this.rev}.${url.search}"`
    if (headers['If-None-Match'] === etag) return fakeResponse(304)
    const body = { uri: this.uri, messages: page, rev, last_seq: this.messages.length, has_more: hasMore }
    return fakeResponse(200, body, { ETag: etag })
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
