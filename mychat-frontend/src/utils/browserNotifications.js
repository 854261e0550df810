/**
 * Which pushes become a browser notification (Notification API): a mention of the reader, or a
 * new message of someone else in a direct chat; only while the tab is hidden, only when the
 * reader turned them on, never in quiet mode. No DOM here but the decision's inputs.
 */

import { t } from '../i18n/index.js'

/** @typedef {import('../api/types.js').ChatSummary} ChatSummary */
/** @typedef {import('../api/types.js').Notification} Notification */
/** @typedef {{enabled: boolean, quiet: boolean, hidden: boolean}} NotifyState */

/**
 * @param {NotifyState} state
 * @param {Notification} notification
 * @returns {{title: string, body: string, tag: string} | null}
 */
export function mentionAlert(state, notification) {
  if (!state.enabled || state.quiet || !state.hidden || notification.kind !== 'mention') return null
  return {
    title: t('notifications.mentionedYou', { name: notification.actor.username }),
    body: notification.text,
    tag: `mention-${notification.id}`,
  }
}

/**
 * @param {NotifyState} state
 * @param {ChatSummary} chat the pushed summary
 * @param {ChatSummary | undefined} previous the summary held before it
 * @param {{id: number} | null} viewer
 * @returns {{title: string, body: string, tag: string} | null}
 */
export function directMessageAlert(state, chat, previous, viewer) {
  if (!state.enabled || state.quiet || !state.hidden || chat.kind !== 'direct') return null
  const last = chat.last_message
  if (!last || last.kind !== 'text' || last.deleted || !viewer || last.user.id === viewer.id) return null
  if (chat.unread_count <= 0 || (previous && previous.last_seq >= chat.last_seq)) return null
  return { title: last.user.username, body: last.excerpt, tag: `chat-${chat.uri}` }
}

/**
 * In an open chat: a new message of someone else that mentions the reader, or any in a direct chat.
 * @param {NotifyState} state
 * @param {import('../api/types.js').Message} message
 * @param {{kind: string, uri: string} | null} chat
 * @param {{id: number} | null} viewer
 * @returns {{title: string, body: string, tag: string} | null}
 */
export function messageAlert(state, message, chat, viewer) {
  if (!state.enabled || state.quiet || !state.hidden || !chat || !viewer) return null
  if (message.kind !== 'text' || message.deleted || message.user.id === viewer.id) return null
  const mentioned = message.mentions.includes(viewer.id)
  if (!mentioned && chat.kind !== 'direct') return null
  const title = mentioned ? t('notifications.mentionedYou', { name: message.user.username }) : message.user.username
  return { title, body: message.message.slice(0, 120), tag: `chat-${chat.uri}-${message.seq}` }
}
