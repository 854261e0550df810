/** Per-test set-up shared by the specs: fake timers, the fake chat server as fetch, the fake WebSocket, a signed-in token. */
import { effectScope } from 'vue'
import { beforeEach, vi } from 'vitest'
import { setToken } from '../api/client.js'
import { FakeChatServer, FakeWebSocket } from './fakes.js'

/** Lets timers due within `ms` fire, and every promise they start settle. */
export const advance = (ms = 0) => vi.advanceTimersByTimeAsync(ms)

/** Fake timers in each test of the calling file (setup.js brings the real ones back after each). */
export function useFakeTimers() {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.spyOn(Math, 'random').mockReturnValue(0.5) // the poll's jitter is then none: timings read exactly
  })
}

/**
 * Each test of the calling file starts with fake timers, an empty FakeChatServer as `fetch`,
 * the given WebSocket (FakeWebSocket, or none: the app then only polls) and a signed-in token.
 * @param {{uri?: string, socket?: boolean, token?: string}} [options]
 * @returns {FakeChatServer} the server, the same object in every test (reset before each)
 */
export function useFakeChat({ uri = 'room1', socket = false, token = 'secret-token' } = {}) {
  const server = new FakeChatServer(uri)
  useFakeTimers()
  beforeEach(() => {
    server.reset()
    vi.stubGlobal('fetch', server.fetch)
    FakeWebSocket.instances = []
    vi.stubGlobal('WebSocket', socket ? FakeWebSocket : undefined)
    setToken(token)
  })
  return server
}

/** @type {import('vue').EffectScope[]} */
const scopes = []

/**
 * Runs a composable in an effect scope that is stopped after the test, as unmounting its component would.
 * @template T
 * @param {() => T} composable
 * @returns {T}
 */
export function withScope(composable) {
  const scope = effectScope()
  scopes.push(scope)
  return /** @type {T} */ (scope.run(composable))
}

/** Stops what withScope started (setup.js calls it after each test). */
export function stopScopes() {
  for (const scope of scopes.splice(0)) scope.stop()
}
