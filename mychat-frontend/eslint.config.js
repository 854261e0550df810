/** ESLint for the app: JavaScript's and Vue's recommended rules; layout is Prettier's job (eslint-config-prettier). */
import javascript from '@eslint/js'
import prettier from 'eslint-config-prettier'
import vue from 'eslint-plugin-vue'
import globals from 'globals'

// Text a person reads comes from the catalogues (src/locales, docs/i18n.md), never from a template:
// eslint-plugin-vue's no-bare-strings-in-template, with messages that say what to do instead.
const bareStrings = vue.rules['no-bare-strings-in-template']
const HOW =
  "put it in src/locales/<lang>/<area>.json (all five languages) and write {{ t('area.key') }}; see docs/i18n.md"
const i18n = {
  rules: {
    'no-bare-strings': {
      ...bareStrings,
      meta: {
        ...bareStrings.meta,
        messages: {
          unexpected: `Text shown to people is not translated: ${HOW}.`,
          unexpectedInAttr: `The {{attr}} text is not translated: ${HOW} (bind it: :{{attr}}="t('area.key')").`,
        },
      },
    },
  },
}
// Symbols that read the same in every language (and the product's name): allowed as they are.
const SAME_IN_EVERY_LANGUAGE = [
  ...['(', ')', ',', '.', '&', '+', '-', '=', '*', '/', '#', '%', '!', '?', ':', '[', ']', '{', '}', '<', '>'],
  ...['·', '•', '‐', '–', '—', '−', '|', '…', '@'],
  ...['✕', '✓', '⋯', '☺', '↩', '✎', '🗑'],
  'mychat',
]
// Where text hides in attributes: the usual ones, and our components' text props.
const TEXT_ATTRIBUTES = {
  '/.+/': ['title', 'aria-label', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'placeholder', 'alt'],
  ConfirmButton: ['label', 'question', 'confirm-label'],
  FormField: ['label'],
}

export default [
  { ignores: ['dist/', 'src/api/schema.d.ts', 'test-results/', 'playwright-report/'] },
  javascript.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: globals.browser },
  },
  {
    files: ['src/**/*.vue'],
    plugins: { i18n },
    rules: {
      'i18n/no-bare-strings': ['error', { allowlist: SAME_IN_EVERY_LANGUAGE, attributes: TEXT_ATTRIBUTES }],
    },
  },
  {
    // Configuration, the browser test and the schema check run in Node.
    files: ['*.config.js', 'e2e/**/*.js', 'src/api/schema.spec.js'],
    languageOptions: { globals: globals.node },
  },
  prettier,
]
