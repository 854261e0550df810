/**
 * The search box's state: what is typed (searched a moment after typing stops), where (every chat
 * or one), the results so far and the next page. Answers to an older query are dropped.
 */
import { ref, shallowRef, watch } from 'vue'
import { ApiError, searchMessages } from '../api/client.js'
import { t } from '../i18n/index.js'
import { describeFailure } from '../utils/failure.js'

/** @typedef {import('../api/types.js').SearchResult} SearchResult */

export const MAX_QUERY_LENGTH = 200 // the server's limit (backend/search/query.py)

/**
 * @param {{debounceMs?: number, pageSize?: number}} [options]
 */
export function useSearch({ debounceMs = 250, pageSize = 20 } = {}) {
  const text = ref('')
  /** @type {import('vue').Ref<string | null>} a chat's URI, or null for every chat */
  const chat = ref(null)
  /** @type {import('vue').ShallowRef<SearchResult[]>} newest first */
  const results = shallowRef([])
  /** @type {import('vue').Ref<string | null>} */
  const next = ref(null)
  const loading = ref(false)
  const error = ref('')
  /** A search has answered for what is typed now (so "no results" can be said). */
  const searched = ref(false)
  let generation = 0
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer

  /** @param {unknown} failure */
  function explain(failure) {
    if (failure instanceof ApiError && failure.status === 400 && failure.data?.q) return String(failure.data.q[0])
    if (failure instanceof ApiError && failure.status === 429) return t('search.tooMany')
    return t('errors.couldNot', { what: t('search.whatSearch'), why: describeFailure(failure) })
  }

  /**
   * @param {boolean} more the next page of the same search, else a new search
   */
  async function run(more) {
    const q = text.value.trim()
    const mine = more ? generation : ++generation
    if (!q) {
      results.value = []
      next.value = null
      error.value = ''
      searched.value = false
      loading.value = false
      return
    }
    loading.value = true
    if (!more) error.value = ''
    try {
      const page = await searchMessages({ q, chat: chat.value, before: more ? next.value : null, limit: pageSize })
      if (mine !== generation) return
      results.value = more ? [...results.value, ...page.results] : page.results
      next.value = page.next
      searched.value = true
    } catch (failure) {
      if (mine !== generation) return
      error.value = explain(failure)
      if (!more) {
        results.value = []
        next.value = null
      }
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  /** Searches now (Enter), not after the pause. */
  function searchNow() {
    clearTimeout(timer)
    return run(false)
  }

  /** The next (older) page, if there is one and nothing is on its way. */
  function loadMore() {
    if (!next.value || loading.value) return Promise.resolve()
    return run(true)
  }

  watch([text, chat], () => {
    clearTimeout(timer)
    searched.value = false
    timer = setTimeout(() => run(false), debounceMs)
  })

  return { text, chat, results, next, loading, error, searched, searchNow, loadMore }
}
