/** Form submission state: busy flag, and the API's field errors mapped to the fields that failed. */
import { ref } from 'vue'
import { ApiError } from '../api/client.js'
import { tooManyText } from '../utils/retryText.js'
import { t } from '../i18n/index.js'
import { backoffDelay } from './useBackoff.js'

/** Tries of a form's action while the server answers 503 (busy): a class signing up at once waits its turn. */
export const BUSY_TRIES = 5
const BUSY_WAIT_MS = { base: 1000, max: 8000 } // when the 503 does not say how long (Retry-After)

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `action`, and again while the server answers 503, waiting as long as it asks (Retry-After, else
 * a growing pause), at most `tries` times in all. A 503 means nothing was saved, so trying again is safe.
 * @template T
 * @param {() => Promise<T>} action
 * @returns {Promise<T>}
 */
export async function retryWhileBusy(action, tries = BUSY_TRIES) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await action()
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 503) || attempt >= tries) throw error
      await sleep(Math.min(error.retryAfter ?? backoffDelay(BUSY_WAIT_MS.base, attempt, BUSY_WAIT_MS.max), 30000))
    }
  }
}

/** @param {string[]} fieldNames the form's fields: an API error about another goes to the form as a whole */
export function useForm(fieldNames) {
  const busy = ref(false)
  /** @type {import('vue').Ref<Record<string, string[]>>} */
  const fieldErrors = ref({})
  /** @type {import('vue').Ref<string[]>} */
  const formErrors = ref([])

  /** @param {unknown} value */
  const asList = (value) => (Array.isArray(value) ? value : [value]).map(String)

  /** @param {unknown} error */
  function showError(error) {
    if (!(error instanceof ApiError)) {
      formErrors.value = [t('errors.unreachable')]
      return
    }
    if (error.status === 429) {
      fieldErrors.value = {}
      formErrors.value = [tooManyText(error)] // what and when, not the body's fields (retry_after)
      return
    }
    const data = error.data && typeof error.data === 'object' ? error.data : {}
    /** @type {Record<string, string[]>} */
    const byField = {}
    /** @type {string[]} */
    const general = []
    for (const [name, messages] of Object.entries(data)) {
      if (fieldNames.includes(name)) byField[name] = asList(messages)
      else general.push(...asList(messages))
    }
    fieldErrors.value = byField
    formErrors.value = general.length || Object.keys(byField).length ? general : [error.message]
  }

  /**
   * Runs the action, collecting errors instead of throwing; resolves true when it succeeded. While the
   * server is busy (503) it quietly tries again a few times, the button still showing busy.
   * @param {() => Promise<unknown>} action
   */
  async function submit(action) {
    if (busy.value) return false
    busy.value = true
    fieldErrors.value = {}
    formErrors.value = []
    try {
      await retryWhileBusy(action)
      return true
    } catch (error) {
      showError(error)
      return false
    } finally {
      busy.value = false
    }
  }

  /** @param {string} name */
  const errorsFor = (name) => fieldErrors.value[name] ?? []

  return { busy, formErrors, errorsFor, submit }
}
