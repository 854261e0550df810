/** People in words: a person's name as others see it; who did something ("you", "alice and you", "alice, bob and 2 others"). */
import { t } from '../i18n/index.js'

/**
 * The name a person chose, else their username.
 * @param {{username?: string, display_name?: string | null} | null | undefined} user
 */
export const displayName = (user) => user?.display_name || user?.username || ''

/**
 * Names one after the other, with the language's separator: "ana, bob" / "ana、bob".
 * @param {readonly string[]} names
 */
export const listOf = (names) => names.join(t('common.listSeparator'))

/**
 * Names joined by "and" in the reader's language: "ana, bob and you" / "ana、bob和你".
 * @param {readonly string[]} names
 */
export function andList(names) {
  if (names.length <= 1) return names.join('')
  return t('common.andList', { list: listOf(names.slice(0, -1)), last: names.at(-1) })
}

/**
 * @param {readonly number[]} userIds
 * @param {{viewerId?: number | null, people?: ReadonlyMap<number, string>, most?: number}} [options]
 *   people: id → username; most: how many names before "N others"
 */
export function namesOf(userIds, { viewerId = null, people = new Map(), most = 10 } = {}) {
  const names = userIds.filter((id) => id !== viewerId).map((id) => people.get(id) ?? t('common.someone'))
  const others = names.length > most ? names.length - most + 1 : 0
  const shown = others ? names.slice(0, most - 1) : names
  if (others) shown.push(t('common.othersCount', others))
  if (viewerId !== null && userIds.includes(viewerId)) shown.push(t('common.you'))
  return andList(shown)
}
