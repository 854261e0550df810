/** Fetching everything after the cursor: the newest page first, then `after=<cursor>` pages with If-None-Match (idle polls are 304s). */
import { isNotModified, listMessages } from '../api/client.js'

/**
 * @param {string} uri
 * @param {ReturnType<typeof import('./useMessageStore.js').useMessageStore>} store
 * @param {object} options
 * @param {number} options.pageSize
 * @param {() => boolean} options.isRunning false once the transport stopped: no further pages
 * @param {() => void} options.onSuccess the server answered
 * @param {(error: unknown) => void} options.onError it did not (a network error or an HTTP error)
 * @returns {() => Promise<unknown>} catchUp: concurrent calls share one run plus at most one more;
 *   resolves with the error that ended it, or null
 */
export function useCatchUp(uri, store, { pageSize, isRunning, onSuccess, onError }) {
  let loadedLatest = false
  /** @type {{after: number | null, etag: string | null}} */
  let lastEtag = { after: null, etag: null }
  /** @type {Promise<unknown> | null} */
  let run = null
  let runAgain = false

  async function loadLatest() {
    const { data } = await listMessages(uri, { limit: pageSize })
    store.addPage(data.messages)
    loadedLatest = true
  }

  async function fetchAfterCursor() {
    if (!loadedLatest) return loadLatest()
    for (;;) {
      const after = store.cursor()
      const etag = lastEtag.after === after ? lastEtag.etag : null
      const result = await listMessages(uri, { after, limit: pageSize }, etag)
      if (isNotModified(result)) return
      lastEtag = { after, etag: result.etag }
      const page = result.data.messages
      store.addPage(page)
      if (page.length < pageSize || !isRunning()) return
    }
  }

  return function catchUp() {
    if (run) {
      runAgain = true
      return run
    }
    run = (async () => {
      do {
        runAgain = false
        try {
          await fetchAfterCursor()
          onSuccess()
        } catch (error) {
          onError(error)
          return error
        }
      } while (runAgain && isRunning())
      return null
    })().finally(() => {
      run = null
    })
    return run
  }
}
