/** What a system message tells, in words: "alice joined", "bob was removed by alice", "alice renamed the chat to “Team”". */
import { displayName } from './people.js'

/**
 * @param {{username: string, display_name?: string} | undefined} user
 * @param {number | null | undefined} viewerId
 * @param {{id: number} | undefined} [who]
 */
const name = (user, viewerId, who) => (who && who.id === viewerId ? 'you' : displayName(user) || 'someone')

/**
 * The sentence for a system message's event (the viewer is "you").
 * @param {Partial<import('../api/types.js').SystemEvent> | null | undefined} event
 * @param {number | null} [viewerId]
 * @returns {string}
 */
export function describeEvent(event, viewerId = null) {
  if (!event?.type) return 'The chat changed.'
  const user = name(event.user, viewerId, event.user)
  // A sentence that starts with "you" starts with "You"; usernames keep their own case.
  const capital = (/** @type {string} */ text) => (text.startsWith('you ') ? `Y${text.slice(1)}` : text)
  switch (event.type) {
    case 'join':
      return capital(`${user} joined`)
    case 'leave': {
      const left = capital(`${user} left`)
      if (!event.owner) return left
      const heir = name(event.owner, viewerId, event.owner)
      return `${left}; ${heir} ${heir === 'you' ? 'own' : 'owns'} the chat now`
    }
    case 'remove':
      return capital(`${user} ${user === 'you' ? 'were' : 'was'} removed by ${name(event.by, viewerId, event.by)}`)
    case 'rename':
      return event.title
        ? capital(`${user} renamed the chat to “${event.title}”`)
        : capital(`${user} took the chat's name away`)
    default:
      return 'The chat changed.'
  }
}

/** Events after which the chat's header (title, member count, owner) is out of date. */
export const CHAT_CHANGING_EVENTS = new Set(['join', 'leave', 'remove', 'rename'])
