import { describe, expect, it, vi } from 'vitest'
import { advance, useFakeTimers } from '../testing/index.js'
import { usePollLoop } from './usePollLoop.js'

useFakeTimers()

describe('usePollLoop', () => {
  it('polls, then waits nextDelay() before the next poll', async () => {
    const delays = [100, 300]
    const poll = vi.fn(async () => {})
    const loop = usePollLoop(poll, { nextDelay: () => delays.shift() ?? 1000, canRun: () => true })
    loop.schedule(0)
    await advance(0)
    expect(poll).toHaveBeenCalledTimes(1)
    await advance(100)
    expect(poll).toHaveBeenCalledTimes(2)
    await advance(299)
    expect(poll).toHaveBeenCalledTimes(2)
    await advance(1)
    expect(poll).toHaveBeenCalledTimes(3)
    loop.stop()
    await advance(10000)
    expect(poll).toHaveBeenCalledTimes(3)
  })

  it('does not poll while it cannot run, and schedule(0) polls at once instead of when due', async () => {
    let canRun = false
    const poll = vi.fn(async () => {})
    const loop = usePollLoop(poll, { nextDelay: () => 5000, canRun: () => canRun })
    loop.schedule(0)
    await advance(10000)
    expect(poll).not.toHaveBeenCalled()
    canRun = true
    loop.schedule(0)
    await advance(0)
    loop.schedule(0)
    await advance(0)
    expect(poll).toHaveBeenCalledTimes(2)
  })
})
