/** Form submission state: busy flag, and the API's field errors mapped to the fields that failed. */
import { ref } from 'vue'
import { ApiError } from '../api/client.js'

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
      formErrors.value = ['Cannot reach the server. Check your connection and try again.']
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
   * Runs the action, collecting errors instead of throwing; resolves true when it succeeded.
   * @param {() => Promise<unknown>} action
   */
  async function submit(action) {
    if (busy.value) return false
    busy.value = true
    fieldErrors.value = {}
    formErrors.value = []
    try {
      await action()
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
