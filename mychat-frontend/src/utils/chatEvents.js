/** What a system message tells, in words: "alice joined", "bob was removed by alice", "alice renamed the chat to “Team”". */
import { t } from '../i18n/index.js'
import { displayName } from './people.js'

/**
 * The sentence for a system message's event: the viewer is "you", and a sentence about them has its own
 * wording (verbs agree, and some languages say it differently).
 * @param {Partial<import('../api/types.js').SystemEvent> | null | undefined} event
 * @param {number | null} [viewerId]
 * @returns {string}
 */
export function describeEvent(event, viewerId = null) {
  if (!event?.type) return t('events.changed')
  /** @param {{id?: number, username?: string} | undefined} who */
  const isViewer = (who) => Boolean(who) && who?.id === viewerId
  /** @param {{id?: number, username?: string, display_name?: string} | undefined} who */
  const name = (who) => (isViewer(who) ? t('common.you') : displayName(who) || t('common.someone'))
  const you = isViewer(event.user)
  const user = name(event.user)
  switch (event.type) {
    case 'join':
      return you ? t('events.joinedYou') : t('events.joined', { user })
    case 'leave': {
      const left = you ? t('events.leftYou') : t('events.left', { user })
      if (!event.owner) return left
      return isViewer(event.owner)
        ? t('events.leftYouOwn', { left })
        : t('events.leftOwns', { left, heir: name(event.owner) })
    }
    case 'remove':
      return you ? t('events.removedYou', { by: name(event.by) }) : t('events.removed', { user, by: name(event.by) })
    case 'rename':
      if (event.title)
        return you ? t('events.renamedYou', { title: event.title }) : t('events.renamed', { user, title: event.title })
      return you ? t('events.untitledYou') : t('events.untitled', { user })
    default:
      return t('events.changed')
  }
}

/** Events after which the chat's header (title, member count, owner) is out of date. */
export const CHAT_CHANGING_EVENTS = new Set(['join', 'leave', 'remove', 'rename'])
