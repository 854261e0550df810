import { describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { ApiError, UploadCancelled } from '../api/client.js'
import { useUploadQueue } from './useUploadQueue.js'

/** A fake upload: each call is kept so a test can report progress, finish or fail it. */
function fakeUploads() {
  /** @type {{file: File, onProgress: (f: number) => void, resolve: (a: any) => void, reject: (e: any) => void, cancel: any}[]} */
  const calls = []
  const upload = vi.fn((file, { onProgress }) => {
    /** @type {any} */
    const call = { file, onProgress }
    call.done = new Promise((resolve, reject) => {
      call.resolve = resolve
      call.reject = reject
    })
    call.cancel = vi.fn(() => call.reject(new UploadCancelled()))
    calls.push(call)
    return { done: call.done, cancel: call.cancel }
  })
  return { upload, calls }
}

const fileOf = (name = 'a.txt', size = 10) => new File(['x'.repeat(size)], name, { type: 'text/plain' })
const attachmentOf = (id, name = 'a.txt') => ({
  id,
  name,
  size: 10,
  content_type: 'text/plain',
  url: `/api/attachments/${id}/`,
  thumbnail_url: null,
  width: null,
  height: null,
})
const settle = () => new Promise((resolve) => setTimeout(resolve))

describe('useUploadQueue', () => {
  it('uploads at most `concurrency` files at once, the next when one finishes', async () => {
    const { upload, calls } = fakeUploads()
    const queue = useUploadQueue({ upload, concurrency: 2 })
    queue.add([fileOf('1.txt'), fileOf('2.txt'), fileOf('3.txt')])
    expect(calls.map((c) => c.file.name)).toEqual(['1.txt', '2.txt'])
    expect(queue.items.value.map((i) => i.state)).toEqual(['uploading', 'uploading', 'queued'])
    expect(queue.uploading.value).toBe(true)
    calls[0].resolve(attachmentOf(1, '1.txt'))
    await settle()
    expect(calls.map((c) => c.file.name)).toEqual(['1.txt', '2.txt', '3.txt'])
    expect(queue.items.value[0].state).toBe('done')
  })

  it('shows progress, never going backwards', async () => {
    const { upload, calls } = fakeUploads()
    const queue = useUploadQueue({ upload })
    queue.add([fileOf()])
    calls[0].onProgress(0.5)
    calls[0].onProgress(0.25)
    await nextTick()
    expect(queue.items.value[0].progress).toBe(0.5)
  })

  it('take() hands over the finished ids in order and keeps the rest', async () => {
    const { upload, calls } = fakeUploads()
    const queue = useUploadQueue({ upload })
    queue.add([fileOf('1.txt'), fileOf('2.txt')])
    calls[1].resolve(attachmentOf(8))
    calls[0].resolve(attachmentOf(7))
    await settle()
    expect(queue.uploading.value).toBe(false)
    expect(queue.take()).toEqual([7, 8])
    expect(queue.items.value).toEqual([])
  })

  it('cancel stops the upload under way and drops it without an error', async () => {
    const { upload, calls } = fakeUploads()
    const queue = useUploadQueue({ upload, concurrency: 1 })
    queue.add([fileOf('1.txt'), fileOf('2.txt')])
    queue.cancel(queue.items.value[0].key)
    expect(calls[0].cancel).toHaveBeenCalled()
    await settle()
    expect(queue.items.value.map((i) => [i.name, i.state])).toEqual([['2.txt', 'uploading']])
  })

  it('refuses empty and too large files before sending them', () => {
    const { upload } = fakeUploads()
    const queue = useUploadQueue({ upload, maxBytes: () => 1024 * 1024 })
    queue.add([fileOf('empty.txt', 0), fileOf('big.bin', 1024 * 1024 + 1)])
    expect(upload).not.toHaveBeenCalled()
    expect(queue.items.value.map((i) => i.error)).toEqual([
      'The file is empty.',
      'Too large: files can be at most 1 MB.',
    ])
    queue.retry(queue.items.value[0].key)
    expect(upload).not.toHaveBeenCalled()
  })

  it('says why the server refused a file, and retries it on request', async () => {
    const { upload, calls } = fakeUploads()
    const queue = useUploadQueue({ upload })
    queue.add([fileOf()])
    calls[0].reject(new ApiError(413, { detail: 'The file is too large: the limit is 25 MB.' }))
    await settle()
    expect(queue.items.value[0]).toMatchObject({ state: 'failed', error: 'The file is too large: the limit is 25 MB.' })
    queue.retry(queue.items.value[0].key)
    expect(calls).toHaveLength(2)
    calls[1].reject(new TypeError('Network error'))
    await settle()
    expect(queue.items.value[0].error).toMatch(/no connection/)
    expect(queue.take()).toEqual([])
  })

  it('clear() cancels everything', () => {
    const { upload, calls } = fakeUploads()
    const queue = useUploadQueue({ upload })
    queue.add([fileOf(), fileOf()])
    queue.clear()
    expect(calls.every((c) => c.cancel.mock.calls.length === 1)).toBe(true)
    expect(queue.items.value).toEqual([])
  })
})
