/**
 * The server's password rules that the app can check before sending (Django's validators:
 * minimum length, not only digits); the others (not common, not like the username) only the
 * server knows, and the page lists them all before the person types.
 */

export const MIN_PASSWORD_LENGTH = 8 // Django's MinimumLengthValidator default (AUTH_PASSWORD_VALIDATORS)

/**
 * The catalogue keys of what is wrong with a new password and its repetition, in the order shown.
 * @param {string} password
 * @param {string} repeat
 * @returns {string[]}
 */
export function passwordProblems(password, repeat) {
  const problems = []
  if (password.length < MIN_PASSWORD_LENGTH) problems.push('account.reset.tooShort')
  else if (/^\d+$/.test(password)) problems.push('account.reset.onlyNumbers')
  if (password !== repeat) problems.push('account.reset.mismatch')
  return problems
}
