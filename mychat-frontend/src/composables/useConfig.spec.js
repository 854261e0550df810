import { describe, expect, it } from 'vitest'
import { advance, FAKE_CONFIG, useFakeChat, withScope } from '../testing/index.js'
import { useConfig } from './useConfig.js'

const server = useFakeChat()
const configRequests = () => server.requests.filter((r) => r.path === '/api/config/')

describe('useConfig', () => {
  it('is null until loaded, then gives the server values', async () => {
    const config = withScope(useConfig)
    expect(config.messageMaxLength.value).toBeNull()
    expect(config.botUsername.value).toBeNull()
    await config.loaded
    expect(config.messageMaxLength.value).toBe(FAKE_CONFIG.message_max_length)
    expect(config.titleMaxLength.value).toBe(FAKE_CONFIG.title_max_length)
    expect(config.botUsername.value).toBe(FAKE_CONFIG.bot_username)
  })

  it('asks the server once, however many components use it', async () => {
    const first = withScope(useConfig)
    const second = withScope(useConfig)
    await advance(0)
    withScope(useConfig)
    await advance(0)
    expect(configRequests()).toHaveLength(1)
    expect(first.messageMaxLength.value).toBe(2000)
    expect(second.messageMaxLength.value).toBe(2000)
  })

  it('asks again on the next use when the first request failed', async () => {
    server.offline = true
    const config = withScope(useConfig)
    await advance(0)
    expect(config.messageMaxLength.value).toBeNull()
    server.offline = false
    await withScope(useConfig).loaded
    expect(configRequests()).toHaveLength(2)
    expect(config.messageMaxLength.value).toBe(2000) // every user sees the values once they are in
  })
})
