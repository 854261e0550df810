/** Vitest set-up for every spec (vite.config.js setupFiles): after each test, nothing is left over for the next one. */
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, vi } from 'vitest'
import { onUnauthorized, setToken } from '../api/client.js'
import { forgetConfig } from '../composables/useConfig.js'
import { stopScopes } from './environment.js'

// Hooks after a test run last-registered first: unmount the components, then stop the composables, then reset.
afterEach(() => {
  onUnauthorized(null)
  setToken(null)
  forgetConfig()
  vi.useRealTimers()
})
afterEach(stopScopes)
enableAutoUnmount(afterEach)
