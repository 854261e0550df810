/** Who is typing in a chat right now: heard over the socket, forgotten a few seconds after their last frame. */
import { ref } from 'vue'

/** @typedef {import('../api/types.js').PublicUser} PublicUser */

/**
 * @param {{expireAfter?: number}} [options] ms a "typing" frame counts for
 */
export function useTypingUsers({ expireAfter = 5000 } = {}) {
  /** @type {import('vue').Ref<PublicUser[]>} */
  const typing = ref([])
  /** @type {Map<number, ReturnType<typeof setTimeout>>} */
  const timers = new Map()

  /** @param {number} userId */
  function stopped(userId) {
    clearTimeout(timers.get(userId))
    timers.delete(userId)
    if (typing.value.some((user) => user.id === userId)) typing.value = typing.value.filter((u) => u.id !== userId)
  }

  return {
    typing,
    /** @param {PublicUser} user a "typing" frame came for them */
    heard(user) {
      clearTimeout(timers.get(user.id))
      timers.set(
        user.id,
        setTimeout(() => stopped(user.id), expireAfter),
      )
      if (!typing.value.some((u) => u.id === user.id)) typing.value = [...typing.value, user]
    },
    /** Their message arrived: they are done typing it. */
    stopped,
    clear() {
      for (const timer of timers.values()) clearTimeout(timer)
      timers.clear()
      typing.value = []
    },
  }
}
