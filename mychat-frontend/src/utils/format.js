/** Small display helpers shared by the pages: in the reader's language (Intl) and time zone. */
import { currentLocale, t } from '../i18n/index.js'
import { displayName, listOf } from './people.js'

/** @param {string | undefined} iso a date-time from the API */
export function formatTime(iso) {
  const date = new Date(iso ?? '')
  if (Number.isNaN(date.getTime())) return ''
  const sameDay = date.toDateString() === new Date().toDateString()
  return sameDay
    ? date.toLocaleTimeString(currentLocale(), { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleString(currentLocale(), { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
}

/** @param {string | undefined} iso a date-time from the API: the full date and time, for a tooltip */
export function formatFullTime(iso) {
  const date = new Date(iso ?? '')
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(currentLocale())
}

const RELATIVE_STEPS = /** @type {const} */ ([
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Infinity],
])

/**
 * How long ago (or ahead), in the reader's language: "5 minutes ago", "5分钟前", "5분 전", "just now".
 * @param {string | undefined} iso a date-time from the API
 * @param {Date} [now]
 */
export function formatRelative(iso, now = new Date()) {
  const date = new Date(iso ?? '')
  if (Number.isNaN(date.getTime())) return ''
  let value = (date.getTime() - now.getTime()) / 1000
  const format = new Intl.RelativeTimeFormat(currentLocale(), { numeric: 'auto' })
  if (Math.abs(value) < 45) return format.format(0, 'second') // "now"
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(value) < size) return format.format(Math.round(value), unit)
    value /= size
  }
  return ''
}

/** How many names an untitled chat is called by before "and N others": short enough for a phone. */
export const NAMED_MEMBERS = 3

/**
 * A chat's name: its title, else who is in it (leaving out the viewer): "ana, bob and 4 others";
 * a direct chat is the other person's name. Takes a chat's `members`, or a summary's
 * `members_preview` with its `member_count`.
 * @param {{title?: string, kind?: string, members?: readonly import('../api/types.js').PublicUser[], members_preview?: readonly import('../api/types.js').PublicUser[], member_count?: number} | null | undefined} chat
 * @param {{username: string} | null | undefined} viewer
 */
export function chatName(chat, viewer) {
  if (chat?.title) return chat.title
  const known = chat?.members ?? chat?.members_preview ?? []
  const others = known.filter((m) => m.username !== viewer?.username).map(displayName)
  if (chat?.kind === 'direct') return others[0] ?? t('chat.directLeft')
  if (!others.length) return t('chat.newChat')
  // The viewer is one of the members (else they would not see the chat).
  const everyoneElse = Math.max((chat?.member_count ?? known.length) - 1, others.length)
  const named = others.slice(0, NAMED_MEMBERS)
  const rest = everyoneElse - named.length
  if (rest <= 0) return listOf(named)
  return t('chat.namesAndOthers', { names: listOf(named), count: rest }, rest)
}

/**
 * A file size in words: "912 bytes", "48 KB", "3.4 MB".
 * @param {number} bytes
 */
export function formatBytes(bytes) {
  if (bytes < 1024) return t('files.bytes', bytes)
  const units = ['KB', 'MB', 'GB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  const shown = (value >= 10 ? Math.round(value) : Math.round(value * 10) / 10).toLocaleString(currentLocale())
  return `${shown} ${units[unit]}`
}
