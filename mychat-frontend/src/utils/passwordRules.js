/** The server's password rules (GET /api/password-rules/) checked as the user types, where the browser can tell. */

/**
 * Each rule with whether the new password meets it: true, false, or null when only the server can
 * tell (a list of common passwords, similarity) or nothing is typed yet. "repeat" is the form's own rule.
 * @param {{min_length: number | null, rules: {code: string, text: string}[]} | null} rules
 * @param {string} next the new password
 * @param {string} repeat the new password typed again
 * @returns {{code: string, text: string, met: boolean | null}[]}
 */
export function passwordChecks(rules, next, repeat) {
  /** @type {Record<string, () => boolean | null>} */
  const local = {
    min_length: () => next.length >= (rules?.min_length ?? 0),
    numeric: () => !/^\d+$/.test(next),
  }
  const checks = (rules?.rules ?? []).map(({ code, text }) => ({
    code,
    text,
    met: next && local[code] ? local[code]() : null,
  }))
  checks.push({ code: 'repeat', text: '', met: repeat ? repeat === next : null })
  return checks
}

/** Django's MinimumLengthValidator default, until the server's rules (GET /api/password-rules/) are in. */
export const MIN_PASSWORD_LENGTH = 8

/**
 * What is wrong with a new password and its repetition, in the order shown.
 * @param {string} password
 * @param {string} repeat
 * @param {number} [minLength] the server's minimum
 * @returns {('tooShort' | 'onlyNumbers' | 'mismatch')[]}
 */
export function passwordProblems(password, repeat, minLength = MIN_PASSWORD_LENGTH) {
  /** @type {('tooShort' | 'onlyNumbers' | 'mismatch')[]} */
  const problems = []
  if (password.length < minLength) problems.push('tooShort')
  else if (/^\d+$/.test(password)) problems.push('onlyNumbers')
  if (password !== repeat) problems.push('mismatch')
  return problems
}
