/** The one module that knows the API's URLs, the auth token and what a 401 means. */
import { ref } from 'vue'
import { currentLocale, t } from '../i18n/index.js'

/**
 * @typedef {import('./types.js').ChatSummary} ChatSummary
 * @typedef {import('./types.js').Command} Command
 * @typedef {import('./types.js').Notification} Notification
 * @typedef {import('./types.js').ReadState} ReadState
 * @typedef {import('./types.js').Config} Config
 * @typedef {import('./types.js').MemberPage} MemberPage
 * @typedef {import('./types.js').Message} Message
 * @typedef {import('./types.js').MessagePage} MessagePage
 * @typedef {import('./types.js').Session} Session
 * @typedef {import('./types.js').SearchPage} SearchPage
 * @typedef {import('./types.js').SessionCreate} SessionCreate
 * @typedef {import('./types.js').User} User
 * @typedef {import('./types.js').PasswordRules} PasswordRules
 * @typedef {import('./types.js').UserCreate} UserCreate
 */

/**
 * A response that has a body.
 * @template T
 * @typedef {{status: number, data: T, etag: string | null}} ApiResponse
 */
/** @typedef {{status: 304, data: null, etag: string | null}} NotModified the If-None-Match ETag still holds */

const TOKEN_KEY = 'mychat.token'

function readStoredToken() {
  try {
    return localStorage.getItem(TOKEN_KEY)
  } catch {
    return null
  }
}

/**
 * The signed-in user's token (null when signed out); persisted so it survives a reload.
 * @type {import('vue').Ref<string | null>}
 */
export const token = ref(readStoredToken())

/** @param {string | null | undefined} value */
export function setToken(value) {
  token.value = value || null
  try {
    if (value) localStorage.setItem(TOKEN_KEY, value)
    else localStorage.removeItem(TOKEN_KEY)
  } catch {
    // Storage can be disabled (private mode); the in-memory token still works for this tab.
  }
}

// A sign-in or sign-out in another tab changes this tab's token too.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === TOKEN_KEY) token.value = event.newValue || null
    else if (event.key === null) token.value = readStoredToken() // storage.clear()
  })
}

/** @type {((signedOut: boolean) => void) | null} */
let unauthorizedHandler = null

/**
 * Registers what happens when the server says the token is no good (the app sends the user to sign-in).
 * `signedOut`: a token was refused, so this device was signed out (here or from another device).
 * @param {((signedOut: boolean) => void) | null} handler
 */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler
}

/**
 * The single 401 path: forget the token, then let the app route to sign-in.
 * `sentWith` is the token the refused request carried: a late 401 for a token that has
 * since been replaced (a new sign-in, here or in another tab) must not drop the new one.
 * @param {string | null} [sentWith]
 */
export function handleUnauthorized(sentWith = token.value) {
  if (sentWith !== token.value) return
  setToken(null)
  unauthorizedHandler?.(Boolean(sentWith))
}

/** An HTTP error answer: its status, its JSON body (field errors or `detail`) and any Retry-After. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {any} data
   * @param {number | null} [retryAfter]
   */
  constructor(status, data, retryAfter = null) {
    super(describeError(status, data))
    this.name = 'ApiError'
    this.status = status
    this.data = data
    this.retryAfter = retryAfter // ms the server asked us to wait (429/503 Retry-After), or null
  }
}

/**
 * Retry-After is either delay-seconds or an HTTP date; returns milliseconds or null.
 * @param {string | null | undefined} value
 */
export function parseRetryAfter(value, now = Date.now()) {
  if (!value) return null
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}

/**
 * @param {number} status
 * @param {any} data
 */
function describeError(status, data) {
  if (data && typeof data === 'object') {
    if (typeof data.detail === 'string') return data.detail
    const first = Object.values(data).flat()[0]
    if (typeof first === 'string') return first
  }
  return t('errors.requestFailed', { status })
}

/** @param {Response} response */
async function readJson(response) {
  const text = await response.text()
  if (!text) return null
  try {
    return JSON.parse(text)
  } catch {
    return { detail: text.slice(0, 200) }
  }
}

/**
 * One HTTP exchange with the API. Resolves {status, data, etag}; a 304 resolves with data null.
 * Network failures reject with the fetch TypeError; HTTP errors reject with ApiError.
 * @param {string} path
 * @param {{method?: string, body?: unknown, headers?: Record<string, string>, ifNoneMatch?: string | null}} [options]
 * @returns {Promise<ApiResponse<any> | NotModified>}
 */
async function request(path, { method = 'GET', body, headers = {}, ifNoneMatch } = {}) {
  /** @type {Record<string, string>} */
  const allHeaders = { Accept: 'application/json', 'Accept-Language': currentLocale(), ...headers }
  const sentWith = token.value
  if (sentWith) allHeaders.Authorization = `Token ${sentWith}`
  if (body !== undefined) allHeaders['Content-Type'] = 'application/json'
  if (ifNoneMatch) allHeaders['If-None-Match'] = ifNoneMatch
  const response = await fetch(path, {
    method,
    headers: allHeaders,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (response.status === 304) return { status: 304, data: null, etag: ifNoneMatch ?? null }
  const data = await readJson(response)
  if (response.status === 401) {
    handleUnauthorized(sentWith)
    throw new ApiError(401, data)
  }
  if (!response.ok) throw new ApiError(response.status, data, parseRetryAfter(response.headers.get('Retry-After')))
  return { status: response.status, data, etag: response.headers.get('ETag') }
}

/** @param {string} uri */
const chatPath = (uri) => `/api/chats/${encodeURIComponent(uri)}`

/** @param {Record<string, string | number | null | undefined>} params */
function query(params) {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) search.set(name, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

// Auth (Djoser)

/**
 * @param {{username: string, password: string, email?: string}} fields
 * @returns {Promise<UserCreate>}
 */
export const signUp = (fields) => request('/auth/users/', { method: 'POST', body: fields }).then((r) => r.data)
/**
 * Asks for a password reset link by e-mail; the answer is the same whether or not an account uses the address.
 * @param {string} email
 */
export const requestPasswordReset = (email) =>
  request('/auth/users/reset_password/', { method: 'POST', body: { email } }).then(() => undefined)
/**
 * Sets a new password from a reset link's uid and token.
 * @param {{uid: string, token: string, new_password: string}} fields
 */
export const confirmPasswordReset = (fields) =>
  request('/auth/users/reset_password_confirm/', { method: 'POST', body: fields }).then(() => undefined)

/**
 * @param {{username: string, password: string}} fields
 * @returns {Promise<string>} the new token
 */
export const logIn = (fields) =>
  request('/auth/token/login/', { method: 'POST', body: fields }).then((r) => r.data.auth_token)

export const logOut = () => request('/auth/token/logout/', { method: 'POST' })

// Devices: one token per device (signing in on a phone leaves the laptop signed in)

/**
 * The caller's signed-in devices, the most recently used first; `current` is this one.
 * @returns {Promise<import('./types.js').Device[]>}
 */
export const listDevices = () => request('/api/devices/').then((r) => r.data)

/**
 * Signs one device out (its token stops working, its open sockets close); 404 for an unknown id.
 * @param {number} id
 */
export const endDevice = (id) =>
  request(`/api/devices/${encodeURIComponent(id)}/`, { method: 'DELETE' }).then(() => undefined)

/** Signs out every device of the caller, this one included. */
export const logoutAll = () => request('/api/devices/logout-all/', { method: 'POST' }).then(() => undefined)

/** @returns {Promise<User>} */
export const fetchMe = () => request('/auth/users/me/').then((r) => r.data)

// Profile: the name others see, the picture, the language, the password.

/**
 * @param {{display_name?: string, language?: string}} changes
 * @returns {Promise<User>} oneself as it now is
 */
export const updateMe = (changes) => request('/auth/users/me/', { method: 'PATCH', body: changes }).then((r) => r.data)

/**
 * Sets one's picture; the server crops it to a square, shrinks it and stores a new WebP.
 * @param {Blob & {name?: string}} file
 * @returns {Promise<User>}
 */
export async function uploadAvatar(file) {
  const sentWith = token.value
  const form = new FormData()
  form.append('file', file, file.name ?? 'picture')
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json', 'Accept-Language': currentLocale() }
  if (sentWith) headers.Authorization = `Token ${sentWith}`
  const response = await fetch('/api/profile/avatar/', { method: 'PUT', headers, body: form })
  const data = await readJson(response)
  if (response.status === 401) handleUnauthorized(sentWith)
  if (!response.ok) throw new ApiError(response.status, data, parseRetryAfter(response.headers.get('Retry-After')))
  return data
}

/** @returns {Promise<User>} */
export const removeAvatar = () => request('/api/profile/avatar/', { method: 'DELETE' }).then((r) => r.data)

/** @returns {Promise<PasswordRules>} the rules a new password must meet; no sign-in needed */
export const fetchPasswordRules = () => request('/api/password-rules/').then((r) => r.data)

/**
 * @param {{current_password: string, new_password: string}} fields
 */
export const changePassword = (fields) =>
  request('/auth/users/set_password/', { method: 'POST', body: fields }).then(() => undefined)

/**
 * The server's limits; no sign-in needed.
 * @returns {Promise<Config>}
 */
export const fetchConfig = () => request('/api/config/').then((r) => r.data)

// Chats

/**
 * The caller's chats as summaries, latest activity first; with the last answer's ETag, a 304 when nothing changed.
 * @param {string | null} [ifNoneMatch]
 * @returns {Promise<ApiResponse<ChatSummary[]> | NotModified>}
 */
export const listChats = (ifNoneMatch) => request('/api/chats/', { ifNoneMatch })

/**
 * Moves the caller's read mark forward to `seq` (the server never moves it back, and clamps it).
 * @param {string} uri
 * @param {number} seq
 * @returns {Promise<ReadState>}
 */
export const markRead = (uri, seq) =>
  request(`${chatPath(uri)}/read/`, { method: 'POST', body: { seq } }).then((r) => r.data)

/**
 * The caller's notifications (mentions, joins), newest first.
 * @param {{unread?: boolean}} [options]
 * @returns {Promise<Notification[]>}
 */
export const listNotifications = ({ unread = false } = {}) =>
  request(`/api/notifications/${unread ? '?unread=1' : ''}`).then((r) => r.data)

/**
 * @param {number} id
 * @returns {Promise<Notification>}
 */
export const markNotificationRead = (id) =>
  request(`/api/notifications/${id}/read/`, { method: 'POST' }).then((r) => r.data)

/** @returns {Promise<{marked: number}>} */
export const markAllNotificationsRead = () =>
  request('/api/notifications/read-all/', { method: 'POST' }).then((r) => r.data)

/**
 * @param {Partial<SessionCreate>} [fields]
 * @returns {Promise<Session>}
 */
export const createChat = (fields = {}) => request('/api/chats/', { method: 'POST', body: fields }).then((r) => r.data)

/**
 * @param {string} uri
 * @returns {Promise<Session>}
 */
export const joinChat = (uri) => request(`${chatPath(uri)}/members/`, { method: 'POST' }).then((r) => r.data)

/**
 * GET /api/search/: messages of the caller's chats (or of `chat`) containing `q`, newest first.
 * @param {{q: string, chat?: string | null, before?: string | null, limit?: number}} params
 * @returns {Promise<SearchPage>} {results: [{chat, message, highlights}], next}
 */
export const searchMessages = ({ q, chat, before, limit }) =>
  request(`/api/search/${query({ q, chat, before, limit })}`).then((r) => r.data)

/**
 * `since`: the live cursor (messages changed after that rev); `after`, `before`, `around`: pages by seq;
 * none of them: the newest page.
 * @typedef {{since?: number, after?: number, before?: number, around?: number, limit?: number}} MessageQuery
 */

/**
 * A 304: the ETag sent with the request still holds.
 * @param {ApiResponse<unknown> | NotModified} response
 * @returns {response is NotModified}
 */
export const isNotModified = (response) => response.status === 304

/**
 * Messages page: {since} for changes, {before} / {after} / {around} for history, none for the newest.
 * @overload
 * @param {string} uri
 * @param {MessageQuery} [params]
 * @returns {Promise<ApiResponse<MessagePage>>}
 */
/**
 * With the ETag of the last answer to the same query: a 304 when nothing changed.
 * @overload
 * @param {string} uri
 * @param {MessageQuery} params
 * @param {string | null} ifNoneMatch
 * @returns {Promise<ApiResponse<MessagePage> | NotModified>}
 */
/**
 * @param {string} uri
 * @param {MessageQuery} [params]
 * @param {string | null} [ifNoneMatch]
 */
export function listMessages(uri, { since, after, before, around, limit } = {}, ifNoneMatch) {
  return request(`${chatPath(uri)}/messages/${query({ since, after, before, around, limit })}`, { ifNoneMatch })
}

/**
 * @param {string} uri
 * @param {string} message
 * @param {string} [idempotencyKey]
 * @param {{replyTo?: number | null, attachments?: number[]}} [options] `replyTo`: the seq of the message
 *   this answers; `attachments`: ids of the caller's uploads to this chat, sent with it
 * @returns {Promise<Message>} the stored message
 */
export const postMessage = (uri, message, idempotencyKey, { replyTo, attachments } = {}) =>
  request(`${chatPath(uri)}/messages/`, {
    method: 'POST',
    body: {
      message,
      ...(replyTo ? { reply_to: replyTo } : {}),
      ...(attachments?.length ? { attachments } : {}),
    },
    headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {},
  }).then((r) => r.data)

/** @typedef {import('./types.js').Attachment} Attachment */

/** The upload was cancelled (its promise rejects with this). */
export class UploadCancelled extends Error {
  constructor() {
    super('Upload cancelled')
    this.name = 'UploadCancelled'
  }
}

/**
 * Uploads one file to a chat, telling its progress; XMLHttpRequest, because fetch cannot tell
 * how much of a request body has gone out.
 * @param {string} uri
 * @param {Blob & {name?: string}} file
 * @param {{onProgress?: (fraction: number) => void}} [options]
 * @returns {{done: Promise<Attachment>, cancel: () => void}} `done` rejects with ApiError, a
 *   TypeError (network) or UploadCancelled
 */
export function uploadAttachment(uri, file, { onProgress } = {}) {
  const xhr = new XMLHttpRequest()
  const sentWith = token.value
  const done = new Promise((resolve, reject) => {
    xhr.open('POST', `${chatPath(uri)}/attachments/`)
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Accept-Language', currentLocale())
    if (sentWith) xhr.setRequestHeader('Authorization', `Token ${sentWith}`)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total) onProgress?.(event.loaded / event.total)
    }
    xhr.onerror = () => reject(new TypeError('Network error'))
    xhr.onabort = () => reject(new UploadCancelled())
    xhr.onload = () => {
      let data
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null
      } catch {
        data = { detail: xhr.responseText.slice(0, 200) }
      }
      if (xhr.status === 401) handleUnauthorized(sentWith)
      if (xhr.status >= 200 && xhr.status < 300) resolve(data)
      else reject(new ApiError(xhr.status, data, parseRetryAfter(xhr.getResponseHeader('Retry-After'))))
    }
    const form = new FormData()
    form.append('file', file, file.name ?? 'file')
    xhr.send(form)
  })
  return { done, cancel: () => xhr.abort() }
}

/**
 * An attachment's bytes (members only: the token goes in a header, so an <img src> cannot fetch them).
 * @param {string} url an attachment's `url` or `thumbnail_url`
 * @returns {Promise<Blob>}
 */
export async function fetchAttachment(url) {
  const sentWith = token.value
  const headers = { 'Accept-Language': currentLocale(), ...(sentWith ? { Authorization: `Token ${sentWith}` } : {}) }
  const response = await fetch(url, { headers })
  if (response.status === 401) handleUnauthorized(sentWith)
  if (!response.ok) throw new ApiError(response.status, await readJson(response))
  return response.blob()
}

/**
 * @param {string} uri
 * @param {number} seq
 */
const messagePath = (uri, seq) => `${chatPath(uri)}/messages/${seq}/`

/**
 * The author changes a message's text.
 * @param {string} uri
 * @param {number} seq
 * @param {string} message
 * @returns {Promise<Message>}
 */
export const editMessage = (uri, seq, message) =>
  request(messagePath(uri, seq), { method: 'PATCH', body: { message } }).then((r) => r.data)

/**
 * The author (or the chat's owner) deletes a message; it stays as a tombstone.
 * @param {string} uri
 * @param {number} seq
 */
export const deleteMessage = (uri, seq) => request(messagePath(uri, seq), { method: 'DELETE' }).then(() => undefined)

/**
 * @param {string} uri
 * @param {number} seq
 * @param {string} emoji
 * @returns {Promise<Message>} the message with its reactions now
 */
export const addReaction = (uri, seq, emoji) =>
  request(`${messagePath(uri, seq)}reactions/${encodeURIComponent(emoji)}/`, { method: 'PUT' }).then((r) => r.data)

/**
 * @param {string} uri
 * @param {number} seq
 * @param {string} emoji
 * @returns {Promise<Message>}
 */
export const removeReaction = (uri, seq, emoji) =>
  request(`${messagePath(uri, seq)}reactions/${encodeURIComponent(emoji)}/`, { method: 'DELETE' }).then((r) => r.data)

/**
 * The bot's commands; an empty list while the server has no bot yet.
 * @returns {Promise<Command[]>}
 */
export async function listCommands() {
  try {
    const { data } = await request('/api/commands/')
    return Array.isArray(data) ? data : []
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return []
    throw error
  }
}

/** The token, and the language of the socket's error frames (a socket sends no Accept-Language of the app's). */
const socketQuery = () => `?token=${encodeURIComponent(token.value ?? '')}&lang=${encodeURIComponent(currentLocale())}`

/** @param {string} uri */
export function chatSocketUrl(uri) {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}/ws/chats/${encodeURIComponent(uri)}/${socketQuery()}`
}

/** The user's notification socket: notifications, and a `chat` summary whenever one of their chats changes. */
export function notificationSocketUrl() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}/ws/notifications/${socketQuery()}`
}

/**
 * The app's invite link for a code: what `session.invite.url` says, on this page's origin.
 * @param {string} code
 */
export function inviteUrl(code) {
  return `${location.origin}/join/${encodeURIComponent(code)}`
}

/** A key generated once per outgoing message, so a retried send is stored once. */
export function newIdempotencyKey() {
  if (typeof globalThis.crypto?.randomUUID === 'function') return crypto.randomUUID()
  // randomUUID needs a secure context; plain http on a LAN address still has getRandomValues.
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

// Chat management: opening, invites, members, rename, leave, delete, direct chats

/**
 * A chat the caller is a member of (403 not a member, 404 no such chat). Opening it joins nobody.
 * @param {string} uri
 * @returns {Promise<Session>}
 */
export const fetchChat = (uri) => request(`${chatPath(uri)}/`).then((r) => r.data)

/**
 * Join with an invite code (the `/join/<code>` link): 201 new, 200 already in; 404 not (or no longer) valid.
 * @param {string} code
 * @returns {Promise<Session>}
 */
export const joinWithInvite = (code) =>
  request('/api/chats/join/', { method: 'POST', body: { code } }).then((r) => r.data)

/**
 * The owner resets the invite: the old link stops working.
 * @param {string} uri
 * @returns {Promise<Session>} with its new `invite`
 */
export const resetInvite = (uri) => request(`${chatPath(uri)}/invite/`, { method: 'POST' }).then((r) => r.data)

/**
 * The owner renames the chat ('' takes the name away).
 * @param {string} uri
 * @param {string} title
 * @returns {Promise<Session>}
 */
export const renameChat = (uri, title) =>
  request(`${chatPath(uri)}/`, { method: 'PATCH', body: { title } }).then((r) => r.data)

/**
 * The owner deletes the chat for everyone.
 * @param {string} uri
 */
export const deleteChat = (uri) => request(`${chatPath(uri)}/`, { method: 'DELETE' }).then(() => undefined)

/**
 * One page of the chat's members (50 a page), longest-standing first.
 * @param {string} uri
 * @param {number} [page]
 * @returns {Promise<MemberPage>}
 */
export const listMembers = (uri, page = 1) => request(`${chatPath(uri)}/members/${query({ page })}`).then((r) => r.data)

/**
 * The owner removes a member; `'me'` leaves.
 * @param {string} uri
 * @param {number | 'me'} userId
 */
export const removeMember = (uri, userId) =>
  request(`${chatPath(uri)}/members/${userId}/`, { method: 'DELETE' }).then(() => undefined)

/**
 * Leave the chat (the last member leaving deletes it; an owner hands it on).
 * @param {string} uri
 */
export const leaveChat = (uri) => removeMember(uri, 'me')

/**
 * Open (or find) the one private chat with `username`.
 * @param {string} username
 * @returns {Promise<Session>}
 */
export const openDirectChat = (username) =>
  request('/api/chats/', { method: 'POST', body: { direct: username } }).then((r) => r.data)
