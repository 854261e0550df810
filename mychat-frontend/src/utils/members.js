/** The member panel's rules: who may do what to whom, and how roles read. Pure functions, no DOM. */
import { t } from '../i18n/index.js'

/**
 * @typedef {import('../api/types.js').Member} Member
 * @typedef {import('../api/types.js').Session} Session
 */

/** @param {import('../api/types.js').Role} role */
export const roleLabel = (role) => (role === 'owner' ? t('members.owner') : t('members.member'))

/** @param {Pick<Session, 'kind' | 'role'> | null | undefined} chat */
export const isOwner = (chat) => chat?.kind === 'group' && chat?.role === 'owner'

/**
 * What the viewer may do about one member in the panel.
 * @param {Member} member
 * @param {{chat: Pick<Session, 'kind' | 'role'> | null, viewerId: number | null}} context
 * @returns {{isViewer: boolean, canRemove: boolean, canMessage: boolean}}
 */
export function memberActions(member, { chat, viewerId }) {
  const isViewer = member.user.id === viewerId
  return {
    isViewer,
    // The owner removes others (leaving is how one goes oneself); a direct chat has nobody to remove.
    canRemove: isOwner(chat) && !isViewer,
    // A direct chat already is the private conversation with the other person.
    canMessage: !isViewer && chat?.kind !== 'direct',
  }
}

/**
 * The member count as a button says it: "1 member", "12 members".
 * @param {number} count
 */
export const memberCountLabel = (count) => t('members.count', count)

/**
 * What a failed chat action means to a person. `what`: "remove bob", "rename the chat".
 * @param {string} what
 * @param {unknown} error an ApiError (status, message) or a network failure
 */
export function failureText(what, error) {
  const status = /** @type {{status?: number}} */ (error)?.status
  const detail = /** @type {{message?: string}} */ (error)?.message
  /** @param {string} why */
  const said = (why) => t('errors.couldNot', { what, why })
  if (!status) return said(t('errors.offline'))
  if (status === 429) return said(t('errors.tooMany'))
  if (status >= 500) return said(t('errors.serverProblem'))
  return said(detail || t('errors.refused')) // the server says why in words (403, 400), in the reader's language
}
