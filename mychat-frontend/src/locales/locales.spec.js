// @vitest-environment node
/**
 * The catalogues are whole: every language has every key of every area (English is the reference),
 * every key is used by the code, every key the code uses exists, and each translation keeps the
 * English message's placeholders. Keys are found in the source as written: t('area.key'),
 * $t('area.key') and <i18n-t keypath="area.key">, so keys stay literal strings (docs/i18n.md).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LOCALES, i18n, setLocale } from '../i18n/index.js'

const here = new URL('./', import.meta.url)
const src = new URL('../', import.meta.url)

/**
 * Keys built at run time, by prefix: the only ones the scan cannot see. Keep this empty if you can;
 * a prefix here must say where the code builds its keys.
 * @type {string[]}
 */
const DYNAMIC_PREFIXES = []

/** @param {string} lang @returns {Record<string, Record<string, unknown>>} area → its messages */
function areas(lang) {
  const files = readdirSync(new URL(`${lang}/`, here)).filter((name) => name.endsWith('.json'))
  return Object.fromEntries(
    files.map((name) => [name.slice(0, -5), JSON.parse(readFileSync(new URL(`${lang}/${name}`, here), 'utf8'))]),
  )
}

/** @param {Record<string, unknown>} messages @param {string} prefix @returns {Record<string, string>} */
function flatten(messages, prefix) {
  /** @type {Record<string, string>} */
  const flat = {}
  for (const [key, value] of Object.entries(messages)) {
    if (value && typeof value === 'object') Object.assign(flat, flatten(/** @type {any} */ (value), `${prefix}${key}.`))
    else flat[`${prefix}${key}`] = String(value)
  }
  return flat
}

/** @param {string} lang */
const catalogue = (lang) =>
  Object.assign({}, ...Object.entries(areas(lang)).map(([area, messages]) => flatten(messages, `${area}.`)))

/** Every app source file but the tests. @param {URL} dir @returns {string[]} */
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const url = new URL(entry.isDirectory() ? `${entry.name}/` : entry.name, dir)
    if (entry.isDirectory()) return sources(url)
    return /\.(vue|js)$/.test(entry.name) && !entry.name.endsWith('.spec.js') ? [readFileSync(url, 'utf8')] : []
  })
}

const USES = [
  /(?<![\w.])\$?t\(\s*'([\w-]+\.[\w.-]+)'/g,
  /(?<![\w.])\$?t\(\s*"([\w-]+\.[\w.-]+)"/g,
  /keypath="([\w.-]+)"/g,
]
const used = new Set(
  sources(src).flatMap((text) => USES.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]))),
)
const english = catalogue('en')

/** The {named} placeholders of a message. @param {string} message */
const placeholders = (message) => [...new Set([...message.matchAll(/\{(\w+)/g)].map((m) => m[1]))].sort()

describe('the message catalogues', () => {
  it.each(LOCALES)('%s has the same area files and keys as English, none empty', (lang) => {
    expect(Object.keys(areas(lang)).sort()).toEqual(Object.keys(areas('en')).sort())
    const messages = catalogue(lang)
    expect(Object.keys(messages).sort(), `keys of ${lang}`).toEqual(Object.keys(english).sort())
    for (const [key, text] of Object.entries(messages)) expect(text.trim(), `${lang}: ${key}`).not.toBe('')
  })

  it.each(LOCALES.filter((lang) => lang !== 'en'))('%s keeps the placeholders of each English message', (lang) => {
    const messages = catalogue(lang)
    for (const [key, text] of Object.entries(english)) {
      expect(placeholders(messages[key]), `${lang}: ${key}`).toEqual(placeholders(text))
    }
  })

  it.each(['zh-CN', 'zh-TW', 'ja', 'ko'])('%s writes a plural with its one form (no "|")', (lang) => {
    for (const [key, text] of Object.entries(catalogue(lang))) expect(text, `${lang}: ${key}`).not.toContain('|')
  })

  it('every key the code uses is in the catalogues', () => {
    const missing = [...used].filter((key) => !(key in english))
    expect(missing).toEqual([])
  })

  it('every key in the catalogues is used by the code', () => {
    const unused = Object.keys(english).filter(
      (key) => !used.has(key) && !DYNAMIC_PREFIXES.some((prefix) => key.startsWith(prefix)),
    )
    expect(unused).toEqual([])
  })

  it('every message compiles in every language', () => {
    for (const lang of LOCALES) {
      setLocale(lang)
      for (const key of Object.keys(english)) {
        expect(() => i18n.global.t(key, { n: 2, count: 2 }), `${lang}: ${key}`).not.toThrow()
        expect(i18n.global.t(key, { n: 2, count: 2 }), `${lang}: ${key}`).not.toBe(key)
      }
    }
    setLocale('en')
  })
})

describe('plurals by the language rules', () => {
  it('English has one and other; Chinese, Japanese and Korean have one form', () => {
    const count = (/** @type {number} */ n) => i18n.global.t('members.count', n)
    setLocale('en')
    expect([count(0), count(1), count(2)]).toEqual(['0 members', '1 member', '2 members'])
    setLocale('ja')
    expect([count(1), count(2)]).toEqual(['メンバー 1 人', 'メンバー 2 人'])
    setLocale('zh-TW')
    expect(count(1)).toBe('1 位成員')
    setLocale('ko')
    expect(count(3)).toBe('멤버 3명')
    setLocale('en')
  })
})
