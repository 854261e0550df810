/**
 * Fetching every change after the cursor: the newest page first, then `since=<rev>` pages with
 * If-None-Match (an idle poll is a 304), as many as `has_more` asks for.
 */
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
  /** @type {{since: number | null, etag: string | null}} */
  let lastEtag = { since: null, etag: null }
  /** @type {Promise<unknown> | null} */
  let run = null
  let runAgain = false

  async function loadLatest() {
    const { data } = await listMessages(uri, { limit: pageSize })
    store.showLatest(data)
    store.advanceTo(data.rev)
  }

  async function fetchChanges() {
    const since = store.cursor()
    if (since === null) return loadLatest()
    for (let from = since; ;) {
      const etag = lastEtag.since === from ? lastEtag.etag : null
      const result = await listMessages(uri, { since: from, limit: pageSize }, etag)
      if (isNotModified(result)) return
      lastEtag = { since: from, etag: result.etag }
      store.apply(result.data.messages)
      store.advanceTo(result.data.rev)
      if (!result.data.has_more || !isRunning()) return
      from = result.data.rev
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
          await fetchChanges()
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
