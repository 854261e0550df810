/** The rows of a message list: a day separator before each new day, and messages grouped by author. No DOM. */

import { currentLocale, t } from '../i18n/index.js'

/** @typedef {import('../api/types.js').Message} Message */
/**
 * @typedef {{type: 'day', key: string, label: string}
 *   | {type: 'new', key: string, label: string}
 *   | {type: 'message', key: string, message: Message, grouped: boolean}} Row
 * grouped: the same person wrote the message before it a moment ago, so the author line is not shown again
 */

export const GROUP_WINDOW_MS = 5 * 60 * 1000

/** @param {Date} date */
const dayKey = (date) => `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`

/**
 * "Today", "Yesterday", else the date in the reader's language (with the year when it is not this year).
 * @param {Date} date
 * @param {Date} [now]
 * @param {string | string[]} [locale]
 */
export function dayLabel(date, now = new Date(), locale = currentLocale()) {
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1)
  if (dayKey(date) === dayKey(now)) return t('time.today')
  if (dayKey(date) === dayKey(yesterday)) return t('time.yesterday')
  const options = /** @type {Intl.DateTimeFormatOptions} */ ({ weekday: 'long', month: 'long', day: 'numeric' })
  if (date.getFullYear() !== now.getFullYear()) options.year = 'numeric'
  return new Intl.DateTimeFormat(locale, options).format(date)
}

/**
 * @param {readonly Message[]} messages oldest first
 * @param {Date} [now]
 * @param {number | null} [firstUnreadSeq] draw the "New messages" line before this message (or the first after it)
 * @returns {Row[]}
 */
export function messageRows(messages, now = new Date(), firstUnreadSeq = null) {
  /** @type {Row[]} */
  const rows = []
  /** @type {Message | null} */
  let previous = null
  let previousDay = ''
  let lineDrawn = firstUnreadSeq === null
  for (const message of messages) {
    const date = new Date(message.created_at)
    const day = dayKey(date)
    if (day !== previousDay) {
      rows.push({ type: 'day', key: `day-${day}`, label: dayLabel(date, now) })
      previous = null
    }
    if (!lineDrawn && firstUnreadSeq !== null && message.seq >= firstUnreadSeq) {
      rows.push({ type: 'new', key: 'new-messages', label: t('messages.newMessages') })
      lineDrawn = true
      previous = null // the author line shows again below the line
    }
    const grouped =
      previous !== null &&
      message.kind !== 'system' &&
      previous.kind !== 'system' &&
      previous.user.id === message.user.id &&
      date.getTime() - new Date(previous.created_at).getTime() < GROUP_WINDOW_MS
    rows.push({ type: 'message', key: `message-${message.seq}`, message, grouped })
    previous = message
    previousDay = day
  }
  return rows
}
