import { describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { setToken } from '../api/client.js'
import { createAppRouter, safeRedirect } from './index.js'

describe('router', () => {
  it('sends a signed-out visitor of an invite link to sign-in, remembering the chat', async () => {
    const router = createAppRouter(createMemoryHistory())
    await router.push('/chats/abc123')
    expect(router.currentRoute.value.name).toBe('signin')
    expect(router.currentRoute.value.query.redirect).toBe('/chats/abc123')
  })

  it('opens the chat for a signed-in user', async () => {
    setToken('t')
    const router = createAppRouter(createMemoryHistory())
    await router.push('/chats/abc123')
    expect(router.currentRoute.value.name).toBe('chat')
    expect(router.currentRoute.value.params.uri).toBe('abc123')
  })

  it('takes a signed-in user away from sign-in to where they were going', async () => {
    setToken('t')
    const router = createAppRouter(createMemoryHistory())
    await router.push('/signin?redirect=/chats/xyz')
    expect(router.currentRoute.value.fullPath).toBe('/chats/xyz')
  })

  it('only redirects within the site', () => {
    expect(safeRedirect('/chats/a')).toBe('/chats/a')
    expect(safeRedirect('//evil.example')).toBe('/')
    expect(safeRedirect('https://evil.example')).toBe('/')
    expect(safeRedirect(undefined)).toBe('/')
  })
})
