/**
 * The chat a page shows: opened for members only (joining is the invite link's job), read again when a
 * join, leave, removal or rename is told in it, and `notInChat` once it answers 403 or 404 (never was,
 * removed, left elsewhere, deleted: one answer, which says nothing more).
 */
import { computed, onScopeDispose, ref, watch } from 'vue'
import { useRouter } from 'vue-router'
import { fetchChat, openDirectChat } from '../api/client.js'
import { CHAT_CHANGING_EVENTS } from '../utils/chatEvents.js'
import { failureText } from '../utils/members.js'
import { backoffDelay } from './useBackoff.js'

/**
 * @param {string} uri
 * @param {import('vue').Ref<readonly import('../api/types.js').Message[]>} messages the chat's messages, as the transport has them
 */
export function useChatSession(uri, messages) {
  const router = useRouter()
  /** @type {import('vue').Ref<import('../api/types.js').Session | null>} */
  const chat = ref(null)
  const notInChat = ref(false)
  /** Why the chat could not be opened (other than 403/404), in words. */
  const problem = ref('')
  let disposed = false
  onScopeDispose(() => (disposed = true))

  /** @param {any} error */
  function failed(error) {
    if (error.status === 403 || error.status === 404) notInChat.value = true
    else if (error.status && error.status !== 401) problem.value = error.message
  }

  /** Reads the chat; a network failure is retried (1 s, 2 s, 4 s ... 30 s). True once it is open. */
  async function open() {
    for (let attempt = 1; !disposed; attempt += 1) {
      try {
        chat.value = await fetchChat(uri)
        return true
      } catch (error) {
        if (error.status) {
          failed(error)
          return false
        }
        await new Promise((resolve) => setTimeout(resolve, backoffDelay(1000, attempt, 30000)))
      }
    }
    return false
  }

  // A change told in the chat after the chat was read makes the header stale.
  const newestChange = computed(() =>
    Math.max(0, ...messages.value.filter((m) => CHAT_CHANGING_EVENTS.has(m.event?.type ?? '')).map((m) => m.rev)),
  )
  watch(newestChange, async (rev) => {
    if (!chat.value || rev <= chat.value.rev) return
    try {
      chat.value = await fetchChat(uri)
    } catch (error) {
      failed(error)
    }
  })

  /** "Message directly": the one private chat with that person. @param {{username: string}} user */
  async function messageDirectly(user) {
    try {
      const direct = await openDirectChat(user.username)
      await router.push({ name: 'chat', params: { uri: direct.uri } })
    } catch (error) {
      if (error.status !== 401) problem.value = failureText(`open a chat with ${user.username}`, error)
    }
  }

  const goHome = () => router.push('/')

  return { chat, notInChat, problem, open, messageDirectly, goHome }
}
