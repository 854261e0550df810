/**
 * Files on their way into a message: each starts uploading as soon as it is chosen (a few at a
 * time), shows its progress, can be cancelled or tried again; the message is then sent with the
 * ids of those that finished.
 */
import { computed, ref } from 'vue'
import { UploadCancelled } from '../api/client.js'
import { describeFailure } from '../utils/failure.js'
import { t } from '../i18n/index.js'
import { formatBytes } from '../utils/format.js'

let nextKey = 0

/**
 * One file in the queue.
 * @typedef {object} QueuedFile
 * @property {string} key
 * @property {File} file
 * @property {string} name
 * @property {number} size
 * @property {'queued' | 'uploading' | 'done' | 'failed'} state
 * @property {number} progress 0 to 1
 * @property {string | null} error why it failed, in words
 * @property {boolean} final it failed for good (empty, too large): trying again cannot help
 * @property {import('../api/types.js').Attachment | null} attachment once uploaded
 * @property {(() => void) | null} cancel stops the upload under way
 */

/**
 * @param {object} options
 * @param {(file: File, options: {onProgress: (fraction: number) => void}) => {done: Promise<import('../api/types.js').Attachment>, cancel: () => void}} options.upload
 * @param {() => number | null} [options.maxBytes] the server's limit, when known
 * @param {number} [options.concurrency] uploads at once
 */
export function useUploadQueue({ upload, maxBytes = () => null, concurrency = 2 }) {
  /** @type {import('vue').Ref<QueuedFile[]>} */
  const items = ref([])

  /** @param {File} file */
  function refusal(file) {
    if (file.size === 0) return t('files.empty')
    const max = maxBytes()
    if (max !== null && file.size > max) return t('files.tooLarge', { max: formatBytes(max) })
    return null
  }

  /** @param {QueuedFile} item the reactive item */
  function start(item) {
    item.state = 'uploading'
    item.progress = 0
    item.error = null
    const { done, cancel } = upload(item.file, {
      onProgress: (fraction) => {
        item.progress = Math.min(1, Math.max(item.progress, fraction))
      },
    })
    item.cancel = cancel
    done
      .then(
        (attachment) => {
          item.state = 'done'
          item.progress = 1
          item.attachment = attachment
        },
        (error) => {
          if (error instanceof UploadCancelled) return
          item.state = 'failed'
          item.final = error?.status === 413
          item.error = error?.status === 413 ? error.message : describeFailure(error)
        },
      )
      .finally(() => {
        item.cancel = null
        pump()
      })
  }

  function pump() {
    let running = items.value.filter((item) => item.state === 'uploading').length
    for (const item of items.value) {
      if (running >= concurrency) break
      if (item.state === 'queued') {
        start(item)
        running += 1
      }
    }
  }

  /** @param {Iterable<File>} files */
  function add(files) {
    for (const file of files) {
      const error = refusal(file)
      items.value.push({
        key: `upload-${++nextKey}`,
        file,
        name: file.name || 'file',
        size: file.size,
        state: error ? 'failed' : 'queued',
        progress: 0,
        error,
        final: Boolean(error),
        attachment: null,
        cancel: null,
      })
    }
    pump()
  }

  /** Stops (if under way) and drops one file. @param {string} key */
  function cancel(key) {
    const item = items.value.find((i) => i.key === key)
    if (!item) return
    items.value = items.value.filter((i) => i.key !== key)
    item.cancel?.()
    pump()
  }

  /** Tries a failed file again (unless the server could never take it). @param {string} key */
  function retry(key) {
    const item = items.value.find((i) => i.key === key)
    if (!item || item.state !== 'failed' || refusal(item.file)) return
    item.state = 'queued'
    pump()
  }

  const uploading = computed(() => items.value.some((i) => i.state === 'queued' || i.state === 'uploading'))
  const ready = computed(() => items.value.filter((i) => i.state === 'done'))

  /**
   * The ids to send with the message (in the order chosen); those files leave the queue.
   * @returns {number[]}
   */
  function take() {
    const ids = ready.value.map((i) => /** @type {import('../api/types.js').Attachment} */ (i.attachment).id)
    items.value = items.value.filter((i) => i.state !== 'done')
    return ids
  }

  /** Drops everything, cancelling uploads under way. */
  function clear() {
    const all = items.value
    items.value = []
    for (const item of all) item.cancel?.()
  }

  return { items, add, cancel, retry, take, clear, uploading, ready }
}
