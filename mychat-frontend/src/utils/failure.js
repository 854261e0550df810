/** Why an action failed, in words a person understands. */
import { ApiError } from '../api/client.js'
import { retryAfterSeconds, tryAgainIn } from './retryText.js'

/**
 * @param {unknown} error what an API call rejected with
 * @returns {string}
 */
export function describeFailure(error) {
  if (!(error instanceof ApiError)) return 'no connection to the server. Try again when you are back online.'
  if (error.status === 429) {
    const seconds = retryAfterSeconds(error)
    return `too many changes at once. ${seconds == null ? 'Wait a moment and try again.' : tryAgainIn(seconds)}`
  }
  if (error.status === 403) return 'you are not allowed to do that.'
  if (error.status === 404) return 'that message is no longer here.'
  if (error.status >= 500) return 'the server had a problem. Try again in a moment.'
  return error.message
}
