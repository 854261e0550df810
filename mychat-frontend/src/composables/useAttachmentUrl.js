/**
 * Attachments are for members only and the token travels in a header, so an <img src> cannot
 * load them: the app fetches the bytes with its token and shows them through a blob: URL.
 * An attachment never changes, so each URL is fetched once per page and kept (the oldest
 * forgotten past a limit).
 */
import { ref, watchEffect } from 'vue'
import { fetchAttachment } from '../api/client.js'

const KEPT = 200
/** @type {Map<string, Promise<string>>} api url → blob: url */
const cache = new Map()

/**
 * A blob: URL for an attachment's `url` or `thumbnail_url`.
 * @param {string} url
 * @returns {Promise<string>}
 */
export function attachmentObjectUrl(url) {
  let found = cache.get(url)
  if (found) {
    cache.delete(url) // most recently used last
    cache.set(url, found)
    return found
  }
  found = fetchAttachment(url).then((blob) => URL.createObjectURL(blob))
  found.catch(() => cache.delete(url)) // the next look tries again
  cache.set(url, found)
  for (const [oldest, promise] of cache) {
    if (cache.size <= KEPT) break
    cache.delete(oldest)
    promise.then(
      (objectUrl) => URL.revokeObjectURL(objectUrl),
      () => {},
    )
  }
  return found
}

/**
 * The blob: URL of `source()` once loaded (null until then, or while it fails: `failed` says so).
 * @param {() => string | null | undefined} source
 */
export function useAttachmentUrl(source) {
  /** @type {import('vue').Ref<string | null>} */
  const objectUrl = ref(null)
  const failed = ref(false)
  watchEffect(() => {
    const url = source()
    objectUrl.value = null
    failed.value = false
    if (!url) return
    attachmentObjectUrl(url).then(
      (loaded) => {
        if (source() === url) objectUrl.value = loaded
      },
      () => {
        if (source() === url) failed.value = true
      },
    )
  })
  return { objectUrl, failed }
}

/** Forgets every fetched attachment (tests; a sign-out). */
export function forgetAttachments() {
  for (const promise of cache.values())
    promise.then(
      (objectUrl) => URL.revokeObjectURL(objectUrl),
      () => {},
    )
  cache.clear()
}
