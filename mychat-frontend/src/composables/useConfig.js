/** The server's limits (GET /api/config/): fetched once per app and shared; each value is null until it has loaded. */
import { computed, shallowRef } from 'vue'
import { fetchConfig } from '../api/client.js'

/** @type {import('vue').ShallowRef<import('../api/types.js').Config | null>} */
const config = shallowRef(null)
/** @type {Promise<void> | null} */
let loading = null

function load() {
  loading ??= fetchConfig().then(
    (loaded) => {
      config.value = loaded
    },
    () => {
      loading = null // offline at start: the next useConfig() asks again; until then the server's own checks hold
    },
  )
  return loading
}

export function useConfig() {
  const loaded = load()
  return {
    /** Most characters in one message. */
    messageMaxLength: computed(() => config.value?.message_max_length ?? null),
    /** Most characters in a chat's title. */
    titleMaxLength: computed(() => config.value?.title_max_length ?? null),
    /** The bot's username (its messages also carry is_bot). */
    botUsername: computed(() => config.value?.bot_username ?? null),
    /** The largest file an upload may be, in bytes. */
    uploadMaxBytes: computed(() => config.value?.upload_max_bytes ?? null),
    /** The largest profile picture an upload may be, in bytes. */
    avatarMaxBytes: computed(() => config.value?.avatar_max_bytes ?? null),
    /** Settles when this call's fetch has (resolved either way). */
    loaded,
  }
}

/** Forgets what was loaded, so the next useConfig() fetches again (each test starts from scratch). */
export function forgetConfig() {
  config.value = null
  loading = null
}
