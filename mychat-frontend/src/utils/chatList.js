/**
 * The chat list as the home page keeps it: summaries from `GET /api/chats/`, with pushed `chat`
 * summaries merged in and `chat_removed` taken out; latest activity first. No DOM, no fetch.
 */
import { displayName } from './people.js'

import { t } from '../i18n/index.js'

/** @typedef {import('../api/types.js').ChatSummary} ChatSummary */

/**
 * Latest activity first; the same moment by URI, so the order never flickers.
 * @param {ChatSummary} a
 * @param {ChatSummary} b
 */
export function byActivity(a, b) {
  return Date.parse(b.last_activity_at) - Date.parse(a.last_activity_at) || a.uri.localeCompare(b.uri)
}

/**
 * The list with `summary` in it (new, or in place of the chat's older summary), re-ordered.
 * A push is a hint that may arrive late: a summary older than the one held (fewer messages) is
 * ignored, and a read mark never moves back.
 * @param {readonly ChatSummary[]} list
 * @param {ChatSummary} summary
 * @returns {ChatSummary[]}
 */
export function mergeChat(list, summary) {
  const previous = list.find((chat) => chat.uri === summary.uri)
  if (previous && previous.last_seq > summary.last_seq) return [...list]
  let merged = summary
  if (previous && previous.last_read_seq > summary.last_read_seq) {
    const lastRead = previous.last_read_seq
    merged = { ...summary, last_read_seq: lastRead, unread_count: Math.max(summary.last_seq - lastRead, 0) }
  }
  return [...list.filter((chat) => chat.uri !== summary.uri), merged].sort(byActivity)
}

/**
 * @param {readonly ChatSummary[]} list
 * @param {string} uri
 */
export const removeChat = (list, uri) => list.filter((chat) => chat.uri !== uri)

/**
 * Everything unread, across the list: what the title and the favicon show.
 * @param {readonly ChatSummary[] | null} list
 */
export const totalUnread = (list) => (list ?? []).reduce((sum, chat) => sum + Math.max(chat.unread_count, 0), 0)

/**
 * How the list names the newest message: "ana: hello", "You: hello", "ana joined", "Message deleted".
 * @param {ChatSummary} chat
 * @param {{id: number} | null | undefined} viewer
 */
export function lastMessageLine(chat, viewer) {
  const last = chat.last_message
  if (!last) return t('chat.noMessagesYet')
  if (last.kind === 'system') return last.excerpt
  const who = viewer && last.user.id === viewer.id ? t('chat.youAuthor') : displayName(last.user)
  return t('chat.lastLine', { who, text: last.deleted ? t('chat.messageDeleted') : last.excerpt })
}
