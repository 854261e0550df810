/** ESLint for the app: JavaScript's and Vue's recommended rules; layout is Prettier's job (eslint-config-prettier). */
import javascript from '@eslint/js'
import prettier from 'eslint-config-prettier'
import vue from 'eslint-plugin-vue'
import globals from 'globals'

export default [
  { ignores: ['dist/', 'src/api/schema.d.ts', 'test-results/', 'playwright-report/'] },
  javascript.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: globals.browser },
  },
  {
    // Configuration, the browser test and the schema check run in Node.
    files: ['*.config.js', 'e2e/**/*.js', 'src/api/schema.spec.js'],
    languageOptions: { globals: globals.node },
  },
  prettier,
]
