/**
 * Keeps one chat's messages current: polls `after=<cursor>` every 500 ms with ETags,
 * upgrades to the chat's WebSocket when the server has one (still checking the cursor
 * every 20 s), and sends messages (queued while offline, sent once thanks to an Idempotency-Key).
 */
import { getCurrentScope, onScopeDispose, ref, shallowRef } from 'vue'
import { ApiError, listMessages, postMessage, token } from '../api/client.js'
import { useChatSocket } from './useChatSocket.js'
import { useOutbox } from './useOutbox.js'
import { useSafetyPoll } from './useSafetyPoll.js'

const PAGE_SIZE = 100

export function useChatTransport(uri, options = {}) {
  const {
    pollInterval = 500,
    hiddenPollInterval = 5000,
    maxBackoff = 30000,
    socketRetryBase = 1000,
    maxSocketBackoff = 60000,
    livePollInterval = 20000,
    olderPageSize = 50,
    useSocket = true,
  } = options

  const messages = shallowRef([]) // oldest first, unique by seq
  const status = ref('connecting') // connecting | live | polling | offline | stopped
  const error = ref(null) // why the chat cannot be shown (403/404)
  const hasOlder = ref(false)
  const loadingOlder = ref(false)

  let running = false
  let loadedLatest = false
  let cursor = 0 // every seq up to here is known; the cursor is the truth, pushes are hints
  let lastEtag = { after: null, etag: null }
  let failures = 0
  let pollTimer = null
  let catchUpRun = null
  let catchUpAgain = false
  let socketOpen = false

  function merge(incoming) {
    if (!incoming?.length) return
    const bySeq = new Map(messages.value.map((m) => [m.seq, m]))
    let changed = false
    for (const message of incoming) {
      if (!bySeq.has(message.seq)) {
        bySeq.set(message.seq, message)
        changed = true
      }
    }
    if (!changed) return
    messages.value = [...bySeq.values()].sort((a, b) => a.seq - b.seq)
    hasOlder.value = messages.value[0].seq > 1
  }

  /** Moves the cursor over messages that follow it without a hole. */
  function advanceCursor() {
    const known = new Set(messages.value.map((m) => m.seq))
    while (known.has(cursor + 1)) cursor += 1
  }

  function connectionOk() {
    failures = 0
    if (!socketOpen) status.value = 'polling'
    outbox.flush()
  }

  function onRequestError(err) {
    // The api module already routed to sign-in, unless the 401 was for a token since replaced.
    if (err instanceof ApiError && err.status === 401 && !token.value) return stop()
    if (err instanceof ApiError && (err.status === 403 || err.status === 404)) {
      error.value = err.status === 404 ? 'This chat does not exist.' : 'You are not a member of this chat.'
      return stop()
    }
    failures += 1
    if (!socketOpen) status.value = 'offline'
    return err
  }

  async function loadLatest() {
    const { data } = await listMessages(uri, { limit: PAGE_SIZE })
    merge(data.messages)
    const newest = data.messages.at(-1)
    if (newest) cursor = Math.max(cursor, newest.seq)
    advanceCursor()
    loadedLatest = true
  }

  async function fetchAfterCursor() {
    if (!loadedLatest) return loadLatest()
    for (;;) {
      const after = cursor
      const etag = lastEtag.after === after ? lastEtag.etag : null
      const result = await listMessages(uri, { after, limit: PAGE_SIZE }, etag)
      if (result.status === 304) return
      lastEtag = { after, etag: result.etag }
      const page = result.data.messages
      merge(page)
      if (page.length) cursor = Math.max(cursor, page.at(-1).seq)
      advanceCursor()
      if (page.length < PAGE_SIZE || !running) return
    }
  }

  /**
   * Fetches everything after the cursor; concurrent calls share one run plus at most one more.
   * Resolves with the error that ended it, or null.
   */
  function catchUp() {
    if (catchUpRun) {
      catchUpAgain = true
      return catchUpRun
    }
    catchUpRun = (async () => {
      do {
        catchUpAgain = false
        try {
          await fetchAfterCursor()
          connectionOk()
        } catch (err) {
          return onRequestError(err)
        }
      } while (catchUpAgain && running)
      return null
    })().finally(() => {
      catchUpRun = null
    })
    return catchUpRun
  }

  function nextPollDelay() {
    if (failures) return Math.min(pollInterval * 2 ** failures, maxBackoff)
    return document.hidden ? hiddenPollInterval : pollInterval
  }

  function schedulePoll(delay) {
    clearTimeout(pollTimer)
    pollTimer = null
    if (!running || socketOpen) return
    pollTimer = setTimeout(poll, delay)
  }

  async function poll() {
    pollTimer = null
    await catchUp()
    schedulePoll(nextPollDelay())
  }

  const socket = useChatSocket(uri, {
    retryBase: socketRetryBase,
    maxBackoff: maxSocketBackoff,
    onOpen() {
      socketOpen = true
      status.value = 'live'
      schedulePoll(0) // clears the poll timer: the socket is on duty now
      safetyPoll.start()
      catchUp() // a (re)connect may have missed pushes
    },
    onPush,
    onClose(code) {
      socketOpen = false
      safetyPoll.stop()
      if (code === 4401) return stop()
      status.value = failures ? 'offline' : 'polling'
      schedulePoll(0) // polling resumes at once
    },
  })

  /** While live, checks the cursor (a 304 when nothing was missed); a network error means the socket is half-open. */
  async function checkWhileLive() {
    const error = await catchUp()
    // The browser may not notice a half-open socket for minutes: poll (and show offline) now.
    if (error && !(error instanceof ApiError) && socketOpen) socket.drop()
  }
  const safetyPoll = useSafetyPoll(checkWhileLive, livePollInterval)

  function onPush(raw) {
    let event
    try {
      event = JSON.parse(raw)
    } catch {
      return
    }
    if (event?.type !== 'message' || !event.message) return
    const seq = event.message.seq
    merge([event.message])
    advanceCursor()
    if (seq > cursor) catchUp() // a gap: something was pushed to us that we did not get
  }

  const outbox = useOutbox({
    deliver: (text, key) => postMessage(uri, text, key),
    onDelivered(message) {
      merge([message])
      advanceCursor()
    },
    onFailure: onRequestError,
  })

  async function loadOlder() {
    const oldest = messages.value[0]
    if (!oldest || !hasOlder.value || loadingOlder.value) return
    loadingOlder.value = true
    try {
      const { data } = await listMessages(uri, { before: oldest.seq, limit: olderPageSize })
      merge(data.messages)
      if (!data.messages.length) hasOlder.value = false
    } catch (err) {
      onRequestError(err)
    } finally {
      loadingOlder.value = false
    }
  }

  function onVisibilityChange() {
    if (document.hidden || !running) return
    if (socketOpen)
      catchUp() // a phone may have slept through pushes
    else schedulePoll(0)
  }

  function onOnline() {
    if (!running) return
    failures = 0
    outbox.flush()
    if (socketOpen) catchUp()
    else schedulePoll(0)
    socket.retryNow()
  }

  function onOffline() {
    if (!socketOpen) status.value = 'offline'
  }

  function start() {
    if (running) return
    running = true
    error.value = null
    status.value = 'connecting'
    outbox.start()
    document.addEventListener('visibilitychange', onVisibilityChange)
    window.addEventListener('online', onOnline)
    window.addEventListener('offline', onOffline)
    schedulePoll(0)
    if (useSocket) socket.start()
  }

  function stop() {
    running = false
    status.value = 'stopped'
    clearTimeout(pollTimer)
    pollTimer = null
    safetyPoll.stop()
    outbox.stop()
    document.removeEventListener('visibilitychange', onVisibilityChange)
    window.removeEventListener('online', onOnline)
    window.removeEventListener('offline', onOffline)
    socketOpen = false
    socket.stop()
  }

  if (getCurrentScope()) onScopeDispose(stop)

  return {
    messages,
    pending: outbox.pending,
    status,
    error,
    hasOlder,
    loadingOlder,
    start,
    stop,
    /** Queues a message and sends it now if it can; shown as pending until the server has it. */
    send: outbox.enqueue,
    discard: outbox.discard,
    loadOlder,
  }
}
