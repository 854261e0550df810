import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api/client.js'
import { fakeMessage } from '../testing/fakes.js'
import { advance, useFakeTimers } from '../testing/index.js'
import { useOutbox } from './useOutbox.js'

const networkError = () => new TypeError('Failed to fetch')

/** @type {ReturnType<typeof useOutbox>} */
let outbox
/** @type {number[]} when deliver was called, in fake ms */
let attempts
/** @type {any} what the next deliver throws (null: it succeeds), or a function that makes it */
let failWith
/** @type {import('vitest').Mock} */
let onFailure

useFakeTimers()

beforeEach(() => {
  attempts = []
  failWith = null
  onFailure = vi.fn()
  outbox = useOutbox({
    deliver: async ({ text }) => {
      attempts.push(Date.now())
      const error = typeof failWith === 'function' ? failWith() : failWith
      if (error) throw error
      return fakeMessage({
        seq: attempts.length,
        user: { id: 1, username: 'me', display_name: '', avatar_url: null },
        message: text,
      })
    },
    onDelivered: vi.fn(),
    onFailure,
  })
})

afterEach(() => outbox.stop())

describe('outbox retries', () => {
  it('retries a network failure on its own timer: 1 s, 2 s, 4 s ... capped at 30 s', async () => {
    failWith = networkError
    const start = Date.now()
    await outbox.enqueue('hi')
    await advance(120000)
    const gaps = attempts.map((t, i) => (i ? t - attempts[i - 1] : t - start))
    expect(gaps.slice(0, 7)).toEqual([0, 1000, 2000, 4000, 8000, 16000, 30000])
    expect(onFailure).toHaveBeenCalled() // a network error is a connection failure
    expect(outbox.pending.value).toMatchObject([{ text: 'hi', state: 'pending' }])

    failWith = null
    await advance(30000)
    expect(outbox.pending.value).toEqual([])
  })

  it('starts the backoff again after a success', async () => {
    failWith = networkError
    await outbox.enqueue('one')
    await advance(1000 + 2000) // two retries
    failWith = null
    await advance(4000)
    expect(outbox.pending.value).toEqual([])

    failWith = networkError
    const count = attempts.length
    await outbox.enqueue('two')
    await advance(1000)
    expect(attempts.length - count).toBe(2) // sent, then retried after 1 s, not 8 s
  })

  it('waits as long as a 429 Retry-After says, and a good poll does not cut the wait short', async () => {
    failWith = new ApiError(429, { detail: 'Slow down.' }, 7000)
    await outbox.enqueue('hi')
    failWith = null
    for (let i = 0; i < 10; i++) {
      await advance(500)
      outbox.flush() // what every successful poll does
      await outbox.enqueue(`queued ${i}`)
    }
    expect(attempts).toHaveLength(1)
    expect(outbox.pending.value.every((p) => p.state === 'pending')).toBe(true)
    await advance(2000)
    expect(attempts).toHaveLength(12)
    expect(outbox.pending.value).toEqual([])
    expect(onFailure).not.toHaveBeenCalled() // a busy server is not an offline one
  })

  it('backs off on 5xx without calling it a connection failure', async () => {
    failWith = () => new ApiError(503, null)
    await outbox.enqueue('hi')
    outbox.flush()
    await advance(999)
    expect(attempts).toHaveLength(1)
    await advance(1)
    expect(attempts).toHaveLength(2)
    await advance(2000)
    expect(attempts).toHaveLength(3)
    expect(onFailure).not.toHaveBeenCalled()
  })

  it('marks a 400 failed and does not retry it', async () => {
    failWith = new ApiError(400, { message: ['Too long.'] })
    await outbox.enqueue('x')
    await advance(60000)
    expect(attempts).toHaveLength(1)
    expect(outbox.pending.value).toMatchObject([{ state: 'failed', error: 'Too long.' }])
  })

  it('hands a 401 to the transport and does not retry it', async () => {
    failWith = new ApiError(401, null)
    await outbox.enqueue('x')
    await advance(60000)
    expect(attempts).toHaveLength(1)
    expect(onFailure).toHaveBeenCalledWith(failWith)
  })

  it('stop() cancels the retry timer', async () => {
    failWith = networkError
    await outbox.enqueue('x')
    outbox.stop()
    await advance(60000)
    expect(attempts).toHaveLength(1)
  })
})

describe('outbox follow-ups', () => {
  it('sends a follow-up as a reply to its message once the server has that message', async () => {
    const sent = []
    const followed = useOutbox({
      deliver: async ({ text, replyTo, attachments }) => {
        sent.push({ text, replyTo, attachments })
        return fakeMessage({
          seq: 40 + sent.length,
          user: { id: 1, username: 'me', display_name: '', avatar_url: null },
          message: text,
        })
      },
      onDelivered: vi.fn(),
      onFailure: vi.fn(),
    })
    await followed.enqueue('notes', { attachments: [7], followUp: '/kb add' })
    await advance(0)
    expect(sent).toEqual([
      { text: 'notes', replyTo: null, attachments: [7] },
      { text: '/kb add', replyTo: 41, attachments: [] },
    ])
    expect(followed.pending.value).toEqual([])
    followed.stop()
  })

  it('sends no follow-up for a message the server refused', async () => {
    failWith = new ApiError(400, { message: ['Too long.'] })
    await outbox.enqueue('x', { followUp: '/kb add' })
    await advance(60000)
    expect(attempts).toHaveLength(1)
  })
})
