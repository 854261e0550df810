/**
 * The chat's WebSocket: connects with the current token, reconnects with backoff, and tells
 * the transport when it opens, what it pushes and when it closes.
 */
import { chatSocketUrl, handleUnauthorized, token } from '../api/client.js'
import { useBackoff } from './useBackoff.js'

const FINAL_CLOSE_CODES = new Set([4401, 4403, 4404])

/**
 * A 4401 close goes to the one 401 handler (unless the token has changed since).
 * @param {string} uri
 * @param {object} options
 * @param {number} options.retryBase ms before the first reconnect; then twice as long each time
 * @param {number} options.maxBackoff the longest wait between reconnects, ms
 * @param {() => void} options.onOpen
 * @param {(raw: string) => void} options.onPush a message from the server, as text
 * @param {(code: number) => void} options.onClose after it is gone
 * @param {() => string} [options.url] another socket of the user's than the chat's (the notification socket)
 */
export function useChatSocket(uri, { retryBase, maxBackoff, onOpen, onPush, onClose, url }) {
  /** @type {WebSocket | null} */
  let socket = null
  let open = false
  const backoff = useBackoff({ base: retryBase, max: maxBackoff })
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer = undefined
  let enabled = false

  function connect() {
    timer = undefined
    if (!enabled || typeof WebSocket === 'undefined') return
    const sentWith = token.value
    const ws = new WebSocket(url ? url() : chatSocketUrl(uri))
    socket = ws
    ws.onopen = () => {
      if (socket !== ws) return
      open = true
      backoff.reset()
      onOpen()
    }
    ws.onmessage = (event) => {
      if (socket === ws) onPush(event.data)
    }
    ws.onclose = (event) => closed(ws, event.code, sentWith)
  }

  /**
   * @param {WebSocket} ws
   * @param {number} code
   * @param {string | null} [sentWith] the token it connected with
   */
  function closed(ws, code, sentWith) {
    if (socket !== ws) return
    socket = null
    open = false
    if (!enabled) return
    if (code === 4401 && sentWith !== token.value) code = 1006 // refused an old token: retry with the new one
    if (code === 4401) enabled = false
    onClose(code)
    if (code === 4401) return handleUnauthorized(sentWith)
    if (FINAL_CLOSE_CODES.has(code)) return
    timer = setTimeout(connect, backoff.fail())
  }

  return {
    isOpen: () => open,
    /**
     * Sends a frame if the socket is open; false when it is not (the caller does without).
     * @param {object} frame
     */
    send(frame) {
      if (!open || !socket) return false
      socket.send(JSON.stringify(frame))
      return true
    },
    start() {
      if (enabled) return
      enabled = true
      connect()
    },
    /** The network is back: try now rather than at the end of the backoff. */
    retryNow() {
      if (!enabled || socket) return
      clearTimeout(timer)
      backoff.reset()
      connect()
    },
    /** Gives up on a socket that looks open but is not (half-open), as if it had dropped. */
    drop() {
      const ws = socket
      if (!ws) return
      ws.close(4000)
      closed(ws, 1006)
    },
    stop() {
      enabled = false
      clearTimeout(timer)
      timer = undefined
      const ws = socket
      socket = null
      open = false
      ws?.close(1000)
    },
  }
}
