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

/**
 * Django's default rules that the browser can check (AUTH_PASSWORD_VALIDATORS), until the server's are in.
 * @type {{min_length: number | null, rules: {code: string, text: string}[]}}
 */
export const DEFAULT_RULES = {
  min_length: 8,
  rules: [
    { code: 'min_length', text: '' },
    { code: 'numeric', text: '' },
  ],
}
