/** People in words: a person's name as others see it; who did something ("you", "alice and you", "alice, bob and 2 others"). */

/**
 * The name a person chose, else their username.
 * @param {{username: string, display_name?: string | null} | null | undefined} user
 */
export const displayName = (user) => user?.display_name || user?.username || ''

/**
 * @param {readonly number[]} userIds
 * @param {{viewerId?: number | null, people?: ReadonlyMap<number, string>, most?: number}} [options]
 *   people: id → username; most: how many names before "N others"
 */
export function namesOf(userIds, { viewerId = null, people = new Map(), most = 10 } = {}) {
  const names = userIds.filter((id) => id !== viewerId).map((id) => people.get(id) ?? 'someone')
  const others = names.length > most ? names.length - most + 1 : 0
  const shown = others ? names.slice(0, most - 1) : names
  if (others) shown.push(`${others} others`)
  if (viewerId !== null && userIds.includes(viewerId)) shown.push('you')
  if (shown.length <= 1) return shown.join('')
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`
}
