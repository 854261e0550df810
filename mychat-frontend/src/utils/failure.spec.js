import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client.js'
import { describeFailure } from './failure.js'

describe('describeFailure', () => {
  it('says what went wrong in words', () => {
    expect(describeFailure(new TypeError('Failed to fetch'))).toMatch(/no connection/)
    expect(describeFailure(new ApiError(429, { detail: 'Request was throttled.' }))).toMatch(/too many/)
    expect(describeFailure(new ApiError(403, { detail: 'x' }))).toBe('you are not allowed to do that.')
    expect(describeFailure(new ApiError(409, { detail: 'The message was deleted.' }))).toBe('The message was deleted.')
    expect(describeFailure(new ApiError(400, { message: ['May not be blank.'] }))).toBe('May not be blank.')
    expect(describeFailure(new ApiError(502, null))).toMatch(/server had a problem/)
  })

  it('says when to try again after too many, in minutes rather than thousands of seconds', () => {
    const throttled = new ApiError(429, { detail: 'Too many requests. Try again in 48 minutes.', retry_after: 2858 })
    expect(describeFailure(throttled)).toBe('too many changes at once. Try again in 48 minutes.')
  })
})
