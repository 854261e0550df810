/** Small display helpers shared by the pages. */

/** @param {string | undefined} iso a date-time from the API */
export function formatTime(iso) {
  const date = new Date(iso ?? '')
  if (Number.isNaN(date.getTime())) return ''
  const sameDay = date.toDateString() === new Date().toDateString()
  return sameDay
    ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
}

/**
 * A chat's name: its title, else who is in it (leaving out the viewer); a direct chat is the other person's name.
 * @param {{title?: string, kind?: string, members?: readonly import('../api/types.js').PublicUser[]} | null | undefined} chat
 * @param {{username: string} | null | undefined} viewer
 */
export function chatName(chat, viewer) {
  if (chat?.title) return chat.title
  const others = (chat?.members ?? []).map((m) => m.username).filter((name) => name !== viewer?.username)
  if (chat?.kind === 'direct') return others[0] ?? 'Direct chat (the other person left)'
  return others.length ? others.join(', ') : 'New chat'
}
