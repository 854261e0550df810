/** Vitest set-up for every spec (vite.config.js setupFiles): after each test, nothing is left over for the next one. */
import { config, enableAutoUnmount } from '@vue/test-utils'
import { afterEach, vi } from 'vitest'
import { onUnauthorized, setToken } from '../api/client.js'
import { forgetConfig } from '../composables/useConfig.js'
import { i18n, setLocale } from '../i18n/index.js'
import { stopScopes } from './environment.js'

// Every mounted component can translate, in English unless a test switches.
config.global.plugins = [i18n]

// Hooks after a test run last-registered first: unmount the components, then stop the composables, then reset.
afterEach(() => {
  onUnauthorized(null)
  setToken(null)
  forgetConfig()
  setLocale('en')
  vi.useRealTimers()
})
afterEach(stopScopes)
enableAutoUnmount(afterEach)
