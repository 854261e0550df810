/** Paging back through a chat's history (`before=<oldest seq>`), one page at a time. */
import { ref } from 'vue'
import { listMessages } from '../api/client.js'

/**
 * @param {string} uri
 * @param {ReturnType<typeof import('./useMessageStore.js').useMessageStore>} store
 * @param {{pageSize: number, onError: (error: unknown) => void}} options
 */
export function useOlderHistory(uri, store, { pageSize, onError }) {
  const loadingOlder = ref(false)

  /** Loads the page before the oldest message shown, unless there is none or one is on its way. */
  async function loadOlder() {
    const oldest = store.messages.value[0]
    if (!oldest || !store.hasOlder.value || loadingOlder.value) return
    loadingOlder.value = true
    try {
      const { data } = await listMessages(uri, { before: oldest.seq, limit: pageSize })
      store.addOlder(data.messages)
    } catch (error) {
      onError(error)
    } finally {
      loadingOlder.value = false
    }
  }

  return { loadingOlder, loadOlder }
}
