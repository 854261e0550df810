/**
 * Keeps one chat's messages current: polls `after=<cursor>` every 500 ms with ETags,
 * upgrades to the chat's WebSocket when the server has one (still checking the cursor
 * every 20 s), and sends messages (queued while offline, sent once thanks to an Idempotency-Key).
 * The public face of the small composables that each do one of these.
 */
import { getCurrentScope, onScopeDispose, ref } from 'vue'
import { ApiError, postMessage, token } from '../api/client.js'
import { useBackoff } from './useBackoff.js'
import { useCatchUp } from './useCatchUp.js'
import { useChatSocket } from './useChatSocket.js'
import { useMessageStore } from './useMessageStore.js'
import { useOlderHistory } from './useOlderHistory.js'
import { useOutbox } from './useOutbox.js'
import { usePollLoop } from './usePollLoop.js'
import { useSafetyPoll } from './useSafetyPoll.js'
import { useVisibilityAndNetwork } from './useVisibilityAndNetwork.js'

const PAGE_SIZE = 100

/** @typedef {'connecting' | 'live' | 'polling' | 'offline' | 'stopped'} TransportStatus */

/**
 * @param {string} uri
 * @param {object} [options] timings in ms
 * @param {number} [options.pollInterval]
 * @param {number} [options.hiddenPollInterval] while the tab is in the background
 * @param {number} [options.maxBackoff] the longest wait between failed polls
 * @param {number} [options.socketRetryBase]
 * @param {number} [options.maxSocketBackoff]
 * @param {number} [options.livePollInterval] the cursor check while the socket is live
 * @param {number} [options.olderPageSize]
 * @param {boolean} [options.useSocket]
 */
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

  const store = useMessageStore()
  /** @type {import('vue').Ref<TransportStatus>} */
  const status = ref('connecting')
  /** @type {import('vue').Ref<string | null>} why the chat cannot be shown (403/404) */
  const error = ref(null)

  let running = false
  let socketOpen = false
  // A failed poll waits twice the interval, then twice as long each time.
  const pollBackoff = useBackoff({ base: pollInterval * 2, max: maxBackoff })

  function connectionOk() {
    pollBackoff.reset()
    if (!socketOpen) status.value = 'polling'
    outbox.flush()
  }

  /** @param {unknown} err */
  function onRequestError(err) {
    // The api module already routed to sign-in, unless the 401 was for a token since replaced.
    if (err instanceof ApiError && err.status === 401 && !token.value) return stop()
    if (err instanceof ApiError && (err.status === 403 || err.status === 404)) {
      error.value = err.status === 404 ? 'This chat does not exist.' : 'You are not a member of this chat.'
      return stop()
    }
    pollBackoff.fail()
    if (!socketOpen) status.value = 'offline'
  }

  const catchUp = useCatchUp(uri, store, {
    pageSize: PAGE_SIZE,
    isRunning: () => running,
    onSuccess: connectionOk,
    onError: onRequestError,
  })

  const pollLoop = usePollLoop(catchUp, {
    nextDelay: () => pollBackoff.delay() || (browser.isHidden() ? hiddenPollInterval : pollInterval),
    canRun: () => running && !socketOpen, // the socket is on duty while open
  })

  const socket = useChatSocket(uri, {
    retryBase: socketRetryBase,
    maxBackoff: maxSocketBackoff,
    onOpen() {
      socketOpen = true
      status.value = 'live'
      pollLoop.stop()
      safetyPoll.start()
      catchUp() // a (re)connect may have missed pushes
    },
    onPush,
    onClose(code) {
      socketOpen = false
      safetyPoll.stop()
      if (code === 4401) return stop()
      status.value = pollBackoff.failures ? 'offline' : 'polling'
      pollLoop.schedule(0) // polling resumes at once
    },
  })

  /** While live, checks the cursor (a 304 when nothing was missed); a network error means the socket is half-open. */
  async function checkWhileLive() {
    const failure = await catchUp()
    // The browser may not notice a half-open socket for minutes: poll (and show offline) now.
    if (failure && !(failure instanceof ApiError) && socketOpen) socket.drop()
  }
  const safetyPoll = useSafetyPoll(checkWhileLive, livePollInterval)

  /** @param {string} raw */
  function onPush(raw) {
    let event
    try {
      event = JSON.parse(raw)
    } catch {
      return
    }
    if (event?.type !== 'message' || !event.message) return
    store.add([event.message])
    if (event.message.seq > store.cursor()) catchUp() // a gap: something was pushed to us that we did not get
  }

  const outbox = useOutbox({
    deliver: (text, key) => postMessage(uri, text, key),
    onDelivered: (message) => store.add([message]),
    onFailure: onRequestError,
  })

  const history = useOlderHistory(uri, store, { pageSize: olderPageSize, onError: onRequestError })

  const browser = useVisibilityAndNetwork({
    onVisible() {
      if (!running) return
      if (socketOpen)
        catchUp() // a phone may have slept through pushes
      else pollLoop.schedule(0)
    },
    onOnline() {
      if (!running) return
      pollBackoff.reset()
      outbox.flush()
      if (socketOpen) catchUp()
      else pollLoop.schedule(0)
      socket.retryNow()
    },
    onOffline() {
      if (!socketOpen) status.value = 'offline'
    },
  })

  function start() {
    if (running) return
    running = true
    error.value = null
    status.value = 'connecting'
    outbox.start()
    browser.start()
    pollLoop.schedule(0)
    if (useSocket) socket.start()
  }

  function stop() {
    running = false
    status.value = 'stopped'
    pollLoop.stop()
    safetyPoll.stop()
    outbox.stop()
    browser.stop()
    socketOpen = false
    socket.stop()
  }

  if (getCurrentScope()) onScopeDispose(stop)

  return {
    messages: store.messages,
    pending: outbox.pending,
    status,
    error,
    hasOlder: store.hasOlder,
    loadingOlder: history.loadingOlder,
    start,
    stop,
    /** Queues a message and sends it now if it can; shown as pending until the server has it. */
    send: outbox.enqueue,
    discard: outbox.discard,
    loadOlder: history.loadOlder,
  }
}
