/** The emoji offered for a reaction: a few everyone uses, and the ones this browser's user picked lately. */

export const FREQUENT_EMOJI = Object.freeze(['👍', '❤️', '😂', '🎉', '😮', '😢', '🙏', '👀'])
const STORAGE_KEY = 'mychat.recentEmoji'
const KEEP = 8

/** @returns {string[]} the latest first */
export function recentEmoji() {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]')
    return Array.isArray(stored) ? stored.filter((item) => typeof item === 'string').slice(0, KEEP) : []
  } catch {
    return [] // storage off (private mode) or spoiled: just the frequent ones
  }
}

/** @param {string} emoji */
export function rememberEmoji(emoji) {
  const recent = [emoji, ...recentEmoji().filter((item) => item !== emoji)].slice(0, KEEP)
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(recent))
  } catch {
    // storage full or off: the picker still offers the frequent ones
  }
}

/** The picker's emoji: the frequent ones always in the same places, then the others used lately. */
export function pickerEmoji() {
  return [...FREQUENT_EMOJI, ...recentEmoji().filter((emoji) => !FREQUENT_EMOJI.includes(emoji))]
}
