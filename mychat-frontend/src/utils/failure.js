/** Why an action failed, in words a person understands. */
import { ApiError } from '../api/client.js'
import { t } from '../i18n/index.js'
import { retryAfterSeconds, tryAgainIn } from './retryText.js'

/**
 * @param {unknown} error what an API call rejected with
 * @returns {string}
 */
export function describeFailure(error) {
  if (!(error instanceof ApiError)) return t('errors.offline')
  if (error.status === 429) {
    const seconds = retryAfterSeconds(error)
    return seconds == null ? t('errors.tooMany') : `${t('errors.tooManyChanges')} ${tryAgainIn(seconds)}`
  }
  if (error.status === 403) return t('errors.forbidden')
  if (error.status === 404) return t('errors.messageGone')
  if (error.status >= 500) return t('errors.serverProblem')
  return error.message
}
