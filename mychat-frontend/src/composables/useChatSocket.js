/**
 * The chat's WebSocket: connects with the current token, reconnects with backoff, and tells
 * the transport when it opens, what it pushes and when it closes.
 */
import { chatSocketUrl, handleUnauthorized, token } from '../api/client.js'

const FINAL_CLOSE_CODES = new Set([4401, 4403, 4404])

/**
 * @param onOpen () => void; onPush (raw text) => void; onClose (code) => void, after it is gone.
 * A 4401 close goes to the one 401 handler (unless the token has changed since).
 */
export function useChatSocket(uri, { retryBase, maxBackoff, onOpen, onPush, onClose }) {
  let socket = null
  let open = false
  let failures = 0
  let timer = null
  let enabled = false

  function connect() {
    timer = null
    if (!enabled || typeof WebSocket === 'undefined') return
    const sentWith = token.value
    const ws = new WebSocket(chatSocketUrl(uri))
    socket = ws
    ws.onopen = () => {
      if (socket !== ws) return
      open = true
      failures = 0
      onOpen()
    }
    ws.onmessage = (event) => {
      if (socket === ws) onPush(event.data)
    }
    ws.onclose = (event) => closed(ws, event.code, sentWith)
  }

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
    failures += 1
    timer = setTimeout(connect, Math.min(retryBase * 2 ** (failures - 1), maxBackoff))
  }

  return {
    isOpen: () => open,
    start() {
      if (enabled) return
      enabled = true
      connect()
    },
    /** The network is back: try now rather than at the end of the backoff. */
    retryNow() {
      if (!enabled || socket) return
      clearTimeout(timer)
      failures = 0
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
      timer = null
      const ws = socket
      socket = null
      open = false
      ws?.close(1000)
    },
  }
}
