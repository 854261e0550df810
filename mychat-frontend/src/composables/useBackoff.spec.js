import { describe, expect, it } from 'vitest'
import { backoffDelay, useBackoff } from './useBackoff.js'

describe('backoffDelay', () => {
  it('waits base after the first failure, twice as long after each next one, up to max', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((failures) => backoffDelay(1000, failures, 30000))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ])
  })

  it('never waits less than base', () => {
    expect(backoffDelay(500, 0, 30000)).toBe(500)
  })
})

describe('useBackoff', () => {
  it('counts failures in a row and starts again after a success', () => {
    const backoff = useBackoff({ base: 1000, max: 4000 })
    expect(backoff.delay()).toBe(0)
    expect([backoff.fail(), backoff.fail(), backoff.fail(), backoff.fail()]).toEqual([1000, 2000, 4000, 4000])
    expect(backoff.failures).toBe(4)
    expect(backoff.delay()).toBe(4000)
    backoff.reset()
    expect(backoff.failures).toBe(0)
    expect(backoff.fail()).toBe(1000)
  })
})
