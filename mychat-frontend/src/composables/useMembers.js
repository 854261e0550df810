/** The member panel's state: the chat's members page by page, and removing one. */
import { ref } from 'vue'
import { listMembers, removeMember } from '../api/client.js'
import { t } from '../i18n/index.js'
import { failureText } from '../utils/members.js'

/**
 * @param {() => string} uri the chat (read on each call: the panel outlives nothing but its chat)
 */
export function useMembers(uri) {
  /** @type {import('vue').Ref<import('../api/types.js').Member[]>} */
  const members = ref([])
  const count = ref(0)
  const hasMore = ref(false)
  const loading = ref(false)
  const error = ref('')
  let nextPage = 1

  /** The first page again (on opening the panel, after a change). */
  async function load() {
    nextPage = 1
    members.value = []
    await loadMore()
  }

  async function loadMore() {
    if (loading.value) return
    loading.value = true
    error.value = ''
    try {
      const page = await listMembers(uri(), nextPage)
      const known = new Set(members.value.map((m) => m.user.id))
      members.value = [...members.value, ...page.results.filter((m) => !known.has(m.user.id))]
      count.value = page.count
      hasMore.value = Boolean(page.next)
      nextPage += 1
    } catch (failure) {
      error.value = failureText(t('members.whatLoad'), failure)
    } finally {
      loading.value = false
    }
  }

  /**
   * The owner removes someone; true when they are out.
   * @param {import('../api/types.js').PublicUser} user
   */
  async function remove(user) {
    error.value = ''
    try {
      await removeMember(uri(), user.id)
    } catch (failure) {
      if (/** @type {{status?: number}} */ (failure)?.status !== 404) {
        error.value = failureText(t('members.whatRemove', { name: user.username }), failure)
        return false
      }
      // 404: not a member any more (they left meanwhile): the list was stale, which is what we wanted.
    }
    members.value = members.value.filter((m) => m.user.id !== user.id)
    count.value = Math.max(0, count.value - 1)
    return true
  }

  return { members, count, hasMore, loading, error, load, loadMore, remove }
}
