/** The test-support layer in one import: fakes, per-test set-up and mounting helpers. */
export { FAKE_CONFIG, FakeChatServer, fakeFetch, FakeWebSocket } from './fakes.js'
export { advance, useFakeChat, useFakeTimers, withScope } from './environment.js'
export { mountAt } from './mount.js'
