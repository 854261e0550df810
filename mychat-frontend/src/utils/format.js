/** Small display helpers shared by the pages. */
import { displayName } from './people.js'

/** @param {string | undefined} iso a date-time from the API */
export function formatTime(iso) {
  const date = new Date(iso ?? '')
  if (Number.isNaN(date.getTime())) return ''
  const sameDay = date.toDateString() === new Date().toDateString()
  return sameDay
    ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
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
  if (chat?.kind === 'direct') return others[0] ?? 'Direct chat (the other person left)'
  if (!others.length) return 'New chat'
  // The viewer is one of the members (else they would not see the chat).
  const everyoneElse = Math.max((chat?.member_count ?? known.length) - 1, others.length)
  const named = others.slice(0, NAMED_MEMBERS)
  const rest = everyoneElse - named.length
  if (rest <= 0) return named.join(', ')
  return `${named.join(', ')} and ${rest} ${rest === 1 ? 'other' : 'others'}`
}

/**
 * A file size in words: "912 bytes", "48 KB", "3.4 MB".
 * @param {number} bytes
 */
export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`
  const units = ['KB', 'MB', 'GB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} ${units[unit]}`
}
