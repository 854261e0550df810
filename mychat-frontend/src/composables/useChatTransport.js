/**
 * Keeps one chat's messages current: polls `since=<rev>` every 500 ms with ETags and applies
 * every change (new, edited, deleted, reacted) by seq; upgrades to the chat's WebSocket when
 * the server has one (still checking the cursor every 20 s); sends messages (queued while
 * offline, sent once thanks to an Idempotency-Key); edits, deletes and reacts; says who is typing.
 * The public face of the small composables that each do one of these.
 */
import { computed, getCurrentScope, onScopeDispose, ref } from 'vue'
import { ApiError, addReaction, deleteMessage, editMessage, postMessage, removeReaction, token } from '../api/client.js'
import { useBackoff } from './useBackoff.js'
import { useCatchUp } from './useCatchUp.js'
import { useChatSocket } from './useChatSocket.js'
import { useHistory } from './useHistory.js'
import { useMessageStore } from './useMessageStore.js'
import { useOutbox } from './useOutbox.js'
import { usePollLoop } from './usePollLoop.js'
import { useSafetyPoll } from './useSafetyPoll.js'
import { useTypingUsers } from './useTypingUsers.js'
import { useVisibilityAndNetwork } from './useVisibilityAndNetwork.js'
import { t } from '../i18n/index.js'

const PAGE_SIZE = 100
const TYPING_EVERY = 3000 // ms between "typing" frames while the user types; the server throttles the same

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
 * @param {number} [options.olderPageSize] history pages, both ways
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
  let serverAskedToWait = 0 // ms a busy server (429, 503) asked for in Retry-After

  function connectionOk() {
    pollBackoff.reset()
    serverAskedToWait = 0
    if (!socketOpen) status.value = 'polling'
    outbox.flush()
  }

  /** @param {unknown} err */
  function onRequestError(err) {
    // The api module already routed to sign-in, unless the 401 was for a token since replaced.
    if (err instanceof ApiError && err.status === 401 && !token.value) return stop()
    if (err instanceof ApiError && (err.status === 403 || err.status === 404)) {
      error.value = err.status === 404 ? t('chat.doesNotExist') : t('chat.notAMember')
      return stop()
    }
    pollBackoff.fail()
    // A busy server is not a lost connection: wait as long as it asks, and keep saying "polling".
    if (err instanceof ApiError && (err.status === 429 || err.status >= 500)) serverAskedToWait = err.retryAfter ?? 0
    else if (!socketOpen) status.value = 'offline'
  }

  /**
   * The wait before the next poll: the interval give or take a tenth, so that tabs answered at the
   * same moment (after a stall of the server, say) do not keep polling in step; longer after failures.
   */
  function nextPollDelay() {
    const failed = Math.max(pollBackoff.delay(), serverAskedToWait)
    if (failed) return failed
    return (browser.isHidden() ? hiddenPollInterval : pollInterval) * (0.9 + 0.2 * Math.random())
  }

  const catchUp = useCatchUp(uri, store, {
    pageSize: PAGE_SIZE,
    isRunning: () => running,
    onSuccess: connectionOk,
    onError: onRequestError,
  })

  const pollLoop = usePollLoop(catchUp, {
    nextDelay: nextPollDelay,
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

  /**
   * A change that came outside a `since=` page (a push, what an action returned): applied at once;
   * the cursor moves over it only when nothing can be missing before it (revs have no gaps).
   * @param {import('../api/types.js').Message} message
   */
  function applyChange(message) {
    const cursor = store.cursor()
    if (!store.has(message)) typers.stopped(message.user.id) // their message is here: done typing it
    store.apply([message])
    if (cursor === null) return
    if (message.rev === cursor + 1) store.advanceTo(message.rev)
    else if (message.rev > cursor + 1) catchUp() // a gap: a change was pushed to us that we did not get
  }

  /** @param {string} raw */
  function onPush(raw) {
    let event
    try {
      event = JSON.parse(raw)
    } catch {
      return
    }
    if (event?.type === 'message' && event.message) applyChange(event.message)
    else if (event?.type === 'typing' && event.typing) typers.heard(event.typing)
  }

  const typers = useTypingUsers()
  let typingSentAt = -Infinity

  /** The user is typing: tell the others (over the socket only, at most every few seconds). */
  function notifyTyping() {
    const now = Date.now()
    if (now - typingSentAt < TYPING_EVERY) return
    if (socket.send({ type: 'typing' })) typingSentAt = now
  }

  const outbox = useOutbox({
    deliver: (entry) =>
      postMessage(uri, entry.text, entry.key, { replyTo: entry.replyTo, attachments: entry.attachments }),
    onDelivered: applyChange,
    onFailure: onRequestError,
  })

  const history = useHistory(uri, store, { pageSize: olderPageSize, onError: onRequestError })

  /**
   * @param {number} seq
   * @param {string} text
   */
  async function edit(seq, text) {
    applyChange(await editMessage(uri, seq, text))
  }

  /** @param {number} seq */
  async function remove(seq) {
    await deleteMessage(uri, seq)
    catchUp() // the tombstone is a change like any other
  }

  /**
   * @param {number} seq
   * @param {string} emoji
   */
  async function react(seq, emoji) {
    applyChange(await addReaction(uri, seq, emoji))
  }

  /**
   * @param {number} seq
   * @param {string} emoji
   */
  async function unreact(seq, emoji) {
    applyChange(await removeReaction(uri, seq, emoji))
  }

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
    typers.clear()
    status.value = 'stopped'
    pollLoop.stop()
    safetyPoll.stop()
    outbox.stop()
    browser.stop()
    socketOpen = false
    socket.stop()
  }

  if (getCurrentScope()) onScopeDispose(stop)

  const arrivedKeys = computed(() => new Set(store.messages.value.map((m) => m.idempotency_key).filter(Boolean)))
  const pending = computed(() => outbox.pending.value.filter((entry) => !arrivedKeys.value.has(entry.key)))

  return {
    /** The window of history shown: the live end, or wherever a jump took the reader. */
    messages: store.messages,
    /** Queued messages not yet seen stored (a push or poll may bring one before its POST's answer). */
    pending,
    status,
    error,
    hasOlder: store.hasOlder,
    hasNewer: store.hasNewer,
    newerCount: store.newerCount,
    loadingOlder: history.loadingOlder,
    loadingNewer: history.loadingNewer,
    /** Who is typing now, as the socket says (the viewer included: the page leaves them out). */
    typing: typers.typing,
    start,
    stop,
    /** Queues a message ({replyTo: seq} to answer one) and sends it now if it can; pending until stored. */
    send: outbox.enqueue,
    discard: outbox.discard,
    loadOlder: history.loadOlder,
    loadNewer: history.loadNewer,
    jumpTo: history.jumpTo,
    jumpToLatest: history.jumpToLatest,
    edit,
    remove,
    react,
    unreact,
    notifyTyping,
  }
}
