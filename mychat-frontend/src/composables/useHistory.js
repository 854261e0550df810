/**
 * Moving through a chat's history: paging back (`before=`), paging forward after a jump
 * (`after=`), jumping to a message (`around=`) and back to the live end.
 */
import { ref } from 'vue'
import { listMessages } from '../api/client.js'

/**
 * @param {string} uri
 * @param {ReturnType<typeof import('./useMessageStore.js').useMessageStore>} store
 * @param {{pageSize: number, onError: (error: unknown) => void}} options
 */
export function useHistory(uri, store, { pageSize, onError }) {
  const loadingOlder = ref(false)
  const loadingNewer = ref(false)

  /**
   * Runs one load at a time per direction; an error goes to onError (and is not thrown).
   * @param {import('vue').Ref<boolean>} busy
   * @param {() => Promise<void>} load
   */
  async function once(busy, load) {
    if (busy.value) return
    busy.value = true
    try {
      await load()
    } catch (error) {
      onError(error)
    } finally {
      busy.value = false
    }
  }

  /** Loads the page before the oldest message shown, unless there is none. */
  function loadOlder() {
    const oldest = store.messages.value[0]
    if (!oldest || !store.hasOlder.value) return Promise.resolve()
    return once(loadingOlder, async () => {
      const { data } = await listMessages(uri, { before: oldest.seq, limit: pageSize })
      store.addOlder(data)
    })
  }

  /** After a jump back: loads the page after the newest message shown. */
  function loadNewer() {
    const newest = store.messages.value.at(-1)
    if (!newest || !store.hasNewer.value) return Promise.resolve()
    return once(loadingNewer, async () => {
      const { data } = await listMessages(uri, { after: newest.seq, limit: pageSize })
      store.addNewer(data)
    })
  }

  /**
   * Shows the message with this seq, loading the history around it when it is not in the window.
   * Resolves false when there is no such message. Errors reject (the caller says what went wrong).
   * @param {number} seq
   */
  async function jumpTo(seq) {
    if (store.messages.value.some((m) => m.seq === seq)) return true
    const { data } = await listMessages(uri, { around: seq, limit: pageSize })
    if (!data.messages.some((m) => m.seq === seq)) return false
    store.replaceWindow(data)
    return true
  }

  /** Back to the newest messages after a jump. */
  async function jumpToLatest() {
    if (!store.hasNewer.value) return
    const { data } = await listMessages(uri, { limit: pageSize })
    store.showLatest(data)
  }

  return { loadingOlder, loadingNewer, loadOlder, loadNewer, jumpTo, jumpToLatest }
}
