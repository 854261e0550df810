/**
 * "Try again in 2 minutes", in the reader's language: the words for a 429 (too many requests). The
 * server says how long in `retry_after` seconds (and Retry-After); the unit is the one a person
 * would use, rounded up like the server rounds it, so that trying again then works.
 */
import { ApiError } from '../api/client.js'
import { i18n } from '../i18n/index.js'

/**
 * @param {number} seconds
 * @returns {string}
 */
export function tryAgainIn(seconds) {
  const { t } = i18n.global
  const wait = Math.max(1, Math.ceil(seconds))
  if (wait < 60) return t('account.retry.seconds', wait)
  if (wait < 90 * 60) return t('account.retry.minutes', Math.ceil(wait / 60))
  return t('account.retry.hours', Math.ceil(wait / 3600))
}

/**
 * Seconds to wait that a 429 asked for, or null when it did not say.
 * @param {unknown} error
 * @returns {number | null}
 */
export function retryAfterSeconds(error) {
  if (!(error instanceof ApiError) || error.status !== 429) return null
  const fromBody = Number(error.data?.retry_after)
  if (Number.isFinite(fromBody) && fromBody > 0) return fromBody
  return error.retryAfter == null ? null : error.retryAfter / 1000
}

/**
 * The whole sentence for a 429: too many, and when to try again.
 * @param {unknown} error
 * @returns {string}
 */
export function tooManyText(error) {
  const seconds = retryAfterSeconds(error)
  const { t } = i18n.global
  return seconds == null ? t('account.tooMany') : `${t('account.tooMany')} ${tryAgainIn(seconds)}`
}
