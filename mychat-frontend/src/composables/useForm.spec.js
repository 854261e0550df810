import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api/client.js'
import { advance, useFakeTimers } from '../testing/index.js'
import { BUSY_TRIES, useForm } from './useForm.js'

useFakeTimers()

/** @param {number | null} retryAfter ms, as parsed from Retry-After */
const busy = (retryAfter) => new ApiError(503, { detail: 'The server is busy right now.' }, retryAfter)

describe('useForm on a busy server', () => {
  it('tries again quietly after the wait the server asks for, and succeeds', async () => {
    const form = useForm(['username'])
    /** @type {number[]} */
    const calls = []
    const action = vi.fn(async () => {
      calls.push(Date.now())
      if (calls.length < 3) throw busy(2000)
    })
    const submitted = form.submit(action)
    expect(form.busy.value).toBe(true)
    await advance(1999)
    expect(action).toHaveBeenCalledTimes(1)
    expect(form.formErrors.value).toEqual([]) // nothing shown while waiting
    await advance(1 + 2000)
    expect(await submitted).toBe(true)
    expect(calls.map((t) => t - calls[0])).toEqual([0, 2000, 4000])
    expect(form.formErrors.value).toEqual([])
    expect(form.busy.value).toBe(false)
  })

  it('waits longer each time when the 503 does not say how long', async () => {
    const form = useForm([])
    /** @type {number[]} */
    const calls = []
    const submitted = form.submit(async () => {
      calls.push(Date.now())
      if (calls.length < 4) throw busy(null)
    })
    await advance(60000)
    expect(await submitted).toBe(true)
    expect(calls.map((t, i) => (i ? t - calls[i - 1] : 0))).toEqual([0, 1000, 2000, 4000])
  })

  it('gives up after a few tries and shows the error', async () => {
    const form = useForm([])
    const action = vi.fn(async () => {
      throw busy(1000)
    })
    const submitted = form.submit(action)
    await advance(60000)
    expect(await submitted).toBe(false)
    expect(action).toHaveBeenCalledTimes(BUSY_TRIES)
    expect(form.formErrors.value).toEqual(['The server is busy right now.'])
  })

  it('does not retry other errors', async () => {
    const form = useForm(['password'])
    const action = vi.fn(async () => {
      throw new ApiError(400, { password: ['Too short.'] })
    })
    expect(await form.submit(action)).toBe(false)
    expect(action).toHaveBeenCalledTimes(1)
    expect(form.errorsFor('password')).toEqual(['Too short.'])
  })
})

describe('useForm when there were too many attempts (429)', () => {
  it('says in words when to try again, and does not try again by itself', async () => {
    const form = useForm(['username', 'password'])
    const action = vi.fn(async () => {
      throw new ApiError(429, {
        detail: 'Too many sign-ups from this network. Try again in 48 minutes.',
        retry_after: 2858,
      })
    })
    expect(await form.submit(action)).toBe(false)
    expect(action).toHaveBeenCalledTimes(1)
    expect(form.formErrors.value).toEqual(['Too many attempts from this network. Try again in 48 minutes.'])
  })
})
