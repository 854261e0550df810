import { describe, expect, it } from 'vitest'
import { passwordChecks } from './passwordRules.js'

const RULES = {
  min_length: 8,
  rules: [
    { code: 'similar', text: 'not similar' },
    { code: 'min_length', text: 'at least 8' },
    { code: 'common', text: 'not common' },
    { code: 'numeric', text: 'not all digits' },
  ],
}
const met = (next, repeat = '') => Object.fromEntries(passwordChecks(RULES, next, repeat).map((c) => [c.code, c.met]))

describe('passwordChecks', () => {
  it('says nothing before anything is typed', () => {
    expect(met('')).toEqual({ similar: null, min_length: null, common: null, numeric: null, repeat: null })
  })

  it('checks the length and digits-only as the user types, and leaves the rest to the server', () => {
    expect(met('1234')).toMatchObject({ min_length: false, numeric: false, similar: null, common: null })
    expect(met('12345678')).toMatchObject({ min_length: true, numeric: false })
    expect(met('correct horse')).toMatchObject({ min_length: true, numeric: true })
  })

  it('checks that the repeat matches once it is typed', () => {
    expect(met('correct horse', 'correct')).toMatchObject({ repeat: false })
    expect(met('correct horse', 'correct horse')).toMatchObject({ repeat: true })
  })

  it('keeps a rule it does not know, to show in the server words', () => {
    const checks = passwordChecks({ min_length: null, rules: [{ code: 'Custom', text: 'no emoji' }] }, 'x', '')
    expect(checks[0]).toEqual({ code: 'Custom', text: 'no emoji', met: null })
  })
})
