/**
 * The home page's chat list, kept live: read once, then merged from the notification socket's
 * `chat` pushes, with an ETag poll as the fallback (every few seconds without a socket; now and
 * then with one, to catch a push the at-most-once layer dropped). An idle poll is a 304.
 */
import { onScopeDispose, ref } from 'vue'
import { isNotModified, listChats, notificationSocketUrl } from '../api/client.js'
import { mergeChat, removeChat } from '../utils/chatList.js'
import { useChatSocket } from './useChatSocket.js'
import { usePollLoop } from './usePollLoop.js'
import { useVisibilityAndNetwork } from './useVisibilityAndNetwork.js'
import { t } from '../i18n/index.js'

export const POLL_MS = 4000 // no socket: how stale the list may get
export const SOCKET_POLL_MS = 30000 // with a socket: the safety net for a dropped push

/** @typedef {import('../api/types.js').ChatSummary} ChatSummary */
/** @typedef {import('../api/types.js').Notification} Notification */

/**
 * @param {{onNotification?: (notification: Notification) => void, onChatPushed?: (chat: ChatSummary, previous: ChatSummary | undefined) => void}} [hooks]
 */
export function useChatList({ onNotification, onChatPushed } = {}) {
  /** @type {import('vue').Ref<ChatSummary[] | null>} null until loaded */
  const chats = ref(null)
  const error = ref('')
  /** @type {string | null} */
  let etag = null
  let running = false

  async function refresh() {
    try {
      const response = await listChats(etag)
      error.value = ''
      if (isNotModified(response)) return
      etag = response.etag
      chats.value = response.data
    } catch (failure) {
      if (chats.value === null && failure?.status !== 401) {
        error.value = failure?.status ? failure.message : t('errors.unreachableRetrying')
      }
    }
  }

  const socket = useChatSocket('', {
    url: notificationSocketUrl,
    retryBase: 1000,
    maxBackoff: 30000,
    onOpen: () => loop.schedule(0), // what changed while it was down
    onPush: pushed,
    onClose: () => loop.schedule(POLL_MS),
  })
  const loop = usePollLoop(refresh, {
    nextDelay: () => (socket.isOpen() ? SOCKET_POLL_MS : POLL_MS),
    canRun: () => running,
  })
  const hints = useVisibilityAndNetwork({
    onVisible: () => loop.schedule(0),
    onOnline: () => {
      socket.retryNow()
      loop.schedule(0)
    },
    onOffline: () => {},
  })

  /** @param {string} raw */
  function pushed(raw) {
    let frame
    try {
      frame = JSON.parse(raw)
    } catch {
      return
    }
    if (frame?.type === 'chat' && frame.chat?.uri) {
      const previous = chats.value?.find((chat) => chat.uri === frame.chat.uri)
      if (chats.value) chats.value = mergeChat(chats.value, frame.chat)
      etag = null // the list moved on; the next poll reads it whole
      onChatPushed?.(frame.chat, previous)
    } else if (frame?.type === 'chat_removed' && frame.chat_removed?.uri) {
      if (chats.value) chats.value = removeChat(chats.value, frame.chat_removed.uri)
      etag = null
    } else if (frame?.type === 'notification' && frame.notification) {
      onNotification?.(frame.notification)
    }
  }

  function start() {
    if (running) return
    running = true
    hints.start()
    socket.start()
    loop.schedule(0)
  }

  function stop() {
    running = false
    hints.stop()
    socket.stop()
    loop.stop()
  }

  onScopeDispose(stop)
  return { chats, error, refresh, start, stop }
}
