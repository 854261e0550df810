/**
 * The app's languages (vue-i18n, Composition API). Catalogues live in `src/locales/<lang>/<area>.json`
 * and are reached as `t('<area>.<key>')`; each area is one file per language, so features do not
 * share a file. The choice is remembered on this device and sent to the API as `Accept-Language`.
 */
import { createI18n } from 'vue-i18n'

export const LOCALES = /** @type {const} */ (['en', 'zh-CN', 'zh-TW', 'ja', 'ko'])
/** @typedef {(typeof LOCALES)[number]} Locale */

/** Each language's own name for itself, for the switcher. */
export const LOCALE_NAMES = { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文', ja: '日本語', ko: '한국어' }

const STORAGE_KEY = 'mychat.locale'

const files = import.meta.glob('../locales/*/*.json', { eager: true, import: 'default' })

/** @returns {Record<string, Record<string, unknown>>} */
function catalogues() {
  /** @type {Record<string, Record<string, unknown>>} */
  const messages = {}
  for (const [path, content] of Object.entries(files)) {
    const [, lang, area] = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? []
    if (!lang || !area) continue
    messages[lang] ??= {}
    messages[lang][area] = content
  }
  return messages
}

/**
 * The best of our languages for a list of BCP 47 tags (the browser's, most wanted first).
 * Chinese goes by script: Hant, or a region that writes it (TW, HK, MO), is zh-TW; other Chinese is zh-CN.
 * @param {readonly string[]} wanted
 * @returns {Locale}
 */
export function matchLocale(wanted) {
  for (const tag of wanted) {
    const lower = String(tag).toLowerCase()
    const [language] = lower.split('-')
    if (language === 'zh') return /hant|-tw|-hk|-mo/.test(lower) ? 'zh-TW' : 'zh-CN'
    const found = LOCALES.find((locale) => locale.toLowerCase() === language)
    if (found) return found
  }
  return 'en'
}

/** @param {unknown} value @returns {value is Locale} */
export function isLocale(value) {
  return typeof value === 'string' && /** @type {readonly string[]} */ (LOCALES).includes(value)
}

function initialLocale() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (isLocale(saved)) return saved
  } catch {
    // Storage may be blocked; the browser's language then decides.
  }
  return matchLocale(typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]))
}

/**
 * Plural forms by the language's own rules (Intl.PluralRules): a message lists its forms as
 * "one | other" in English; Chinese, Japanese and Korean have a single form, so their messages have one.
 * @param {string} locale
 */
function pluralRule(locale) {
  const rules = new Intl.PluralRules(locale)
  /** @param {number} choice @param {number} forms */
  return (choice, forms) => {
    if (forms <= 1) return 0
    return rules.select(choice) === 'one' ? 0 : Math.min(1, forms - 1)
  }
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'en',
  messages: /** @type {any} */ (catalogues()),
  pluralRules: Object.fromEntries(LOCALES.map((locale) => [locale, pluralRule(locale)])),
  missingWarn: false,
  fallbackWarn: false,
})

/**
 * Translates outside a component (utils, composables): the same catalogues and language as `useI18n().t`.
 * Keys stay literal strings so the catalogue check (locales.spec.js) can find them.
 * @type {(key: string, ...args: any[]) => string}
 */
export const t = (key, ...args) => /** @type {any} */ (i18n.global.t)(key, ...args)

/** @returns {Locale} */
export function currentLocale() {
  return /** @type {Locale} */ (i18n.global.locale.value)
}

/**
 * Switches the whole app at once, without a reload, and remembers the choice on this device.
 * @param {Locale} locale
 */
export function setLocale(locale) {
  if (!isLocale(locale)) return
  i18n.global.locale.value = locale
  if (typeof document !== 'undefined') document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Not remembered on this device; the switch still holds until the tab closes.
  }
}
