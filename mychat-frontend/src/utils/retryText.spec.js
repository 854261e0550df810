import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '../api/client.js'
import { setLocale } from '../i18n/index.js'
import { retryAfterSeconds, tooManyText, tryAgainIn } from './retryText.js'

describe('tryAgainIn', () => {
  afterEach(() => setLocale('en'))

  it('says seconds, minutes or hours, never 2858 seconds', () => {
    expect(tryAgainIn(1)).toBe('Try again in 1 second.')
    expect(tryAgainIn(45)).toBe('Try again in 45 seconds.')
    expect(tryAgainIn(60)).toBe('Try again in 1 minute.')
    expect(tryAgainIn(2858)).toBe('Try again in 48 minutes.')
    expect(tryAgainIn(5400)).toBe('Try again in 2 hours.')
  })

  it('rounds up, so that trying again then works', () => {
    expect(tryAgainIn(0.2)).toBe('Try again in 1 second.')
    expect(tryAgainIn(61)).toBe('Try again in 2 minutes.')
  })

  it('speaks the reader’s language', () => {
    setLocale('zh-TW')
    expect(tryAgainIn(120)).toBe('請在 2 分鐘後再試。')
    setLocale('ja')
    expect(tryAgainIn(30)).toBe('30 秒後にもう一度お試しください。')
    setLocale('ko')
    expect(tryAgainIn(7200)).toBe('2시간 후에 다시 시도하세요.')
  })
})

describe('a 429', () => {
  it('takes the wait from retry_after, else from Retry-After', () => {
    expect(retryAfterSeconds(new ApiError(429, { detail: 'x', retry_after: 120 }))).toBe(120)
    expect(retryAfterSeconds(new ApiError(429, { detail: 'x' }, 30000))).toBe(30)
    expect(retryAfterSeconds(new ApiError(400, { retry_after: 5 }))).toBeNull()
  })

  it('is one sentence of what and when', () => {
    const error = new ApiError(429, {
      detail: 'Too many sign-ups from this network. Try again in 2 minutes.',
      retry_after: 100,
    })
    expect(tooManyText(error)).toBe('Too many attempts from this network. Try again in 2 minutes.')
    expect(tooManyText(new ApiError(429, {}))).toBe('Too many attempts from this network.')
  })
})
