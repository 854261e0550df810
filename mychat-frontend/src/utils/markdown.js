/**
 * A message's text → safe HTML: Markdown (markdown-it with raw HTML off), links that open in a new tab,
 * no remote images, @mentions as chips, and code fences highlighted once highlight.js has loaded.
 * The only producer of the HTML that MessageText puts in the page: everything a user typed is escaped here.
 */
import { t } from '../i18n/index.js'
import MarkdownIt from 'markdown-it'

/** @typedef {{viewer?: string | null}} RenderOptions viewer: the signed-in user's username, whose mentions stand out */

const md = new MarkdownIt({
  html: false, // HTML a user types is shown as text
  linkify: true,
  breaks: true, // a chat line break is a line break
  highlight: highlightCode,
})
// "README.md" and "setup.py" are file names, not web addresses (.md and .py are countries' domains):
// without a scheme, only names under a few common domains become links ("www.vuejs.org", "example.com").
md.linkify.set({ fuzzyLink: true, fuzzyEmail: false }).tlds(['com', 'org', 'net', 'edu', 'gov', 'io', 'dev'], false)
// A line of dashes under a line of chat is not a heading.
md.disable('lheading')

// Only web, mail and same-site links are clickable; javascript:, data:, file: ... stay text.
md.validateLink = (url) => /^(https?:|mailto:|\/(?!\/)|#)/i.test(url.trim())

md.renderer.rules.link_open = (tokens, index, options, env, self) => {
  tokens[index].attrSet('target', '_blank')
  tokens[index].attrSet('rel', 'noopener noreferrer')
  return self.renderToken(tokens, index, options)
}

// No remote images (they would tell a stranger who reads the chat, and when): an image is a link to it.
md.renderer.rules.image = (tokens, index, options, env, self) => {
  const token = tokens[index]
  const src = token.attrGet('src') ?? ''
  const alt = self.renderInlineAsText(token.children ?? [], options, env)
  const label = alt || src
  return (
    `<a href="${md.utils.escapeHtml(src)}" target="_blank" rel="noopener noreferrer" class="image-link"` +
    ` title="${md.utils.escapeHtml(t('messages.imageLink', { src }))}">${md.utils.escapeHtml(label)}</a>`
  )
}

// A mention is "@" + a username (letters, digits, @ . + - _), not inside a word or an e-mail address,
// without trailing punctuation: the backend's rule (chat/notifications.py), so the chips match its mentions.
const NAME_CHAR = /[\p{L}\p{N}_.@+-]/u
md.inline.ruler.before('text', 'mention', (state, silent) => {
  if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false
  if (state.pos > 0 && NAME_CHAR.test(state.src[state.pos - 1])) return false
  let end = state.pos + 1
  while (end < state.posMax && NAME_CHAR.test(state.src[end])) end += 1
  while (end > state.pos + 1 && '.@+-'.includes(state.src[end - 1])) end -= 1
  const name = state.src.slice(state.pos + 1, end)
  if (!name) return false
  if (!silent) state.push('mention', 'span', 0).meta = { name }
  state.pos = end
  return true
})
md.renderer.rules.mention = (tokens, index, options, env) => {
  const { name } = tokens[index].meta
  const { viewer } = /** @type {RenderOptions} */ (env)
  const me = Boolean(viewer) && name.toLowerCase() === viewer?.toLowerCase()
  return `<span class="mention${me ? ' mention--me' : ''}">@${md.utils.escapeHtml(name)}</span>`
}

/**
 * @param {string} text
 * @param {RenderOptions} [options]
 * @returns {string} HTML, safe to put in the page
 */
export function renderMarkdown(text, options = {}) {
  return md.render(text, { viewer: options.viewer ?? null }).trimEnd()
}

/**
 * The words of a message without its Markdown ("**this** `code`" → "this code"), on one line: for quotes.
 * @param {string} text
 */
export function plainText(text) {
  const words = []
  /** @param {ReturnType<typeof md.parse>} tokens */
  const walk = (tokens) => {
    for (const token of tokens) {
      if (token.children) walk(token.children)
      else if (['text', 'code_inline', 'code_block', 'fence'].includes(token.type)) words.push(token.content)
      else if (token.type === 'mention') words.push(`@${token.meta?.name}`)
      if (token.block || token.type.endsWith('break')) words.push(' ')
    }
  }
  walk(md.parse(text, {}))
  return words.join('').replace(/\s+/g, ' ').trim()
}

// Highlighting: highlight.js's core and each language are loaded the first time a message needs them.
// Until then a fence shows as plain code; the caller renders again once loadHighlighting() resolves.

/** @type {Record<string, () => Promise<{default: import('highlight.js').LanguageFn}>>} */
const LANGUAGES = {
  bash: () => import('highlight.js/lib/languages/bash'),
  c: () => import('highlight.js/lib/languages/c'),
  cpp: () => import('highlight.js/lib/languages/cpp'),
  css: () => import('highlight.js/lib/languages/css'),
  diff: () => import('highlight.js/lib/languages/diff'),
  go: () => import('highlight.js/lib/languages/go'),
  java: () => import('highlight.js/lib/languages/java'),
  javascript: () => import('highlight.js/lib/languages/javascript'),
  json: () => import('highlight.js/lib/languages/json'),
  python: () => import('highlight.js/lib/languages/python'),
  rust: () => import('highlight.js/lib/languages/rust'),
  sql: () => import('highlight.js/lib/languages/sql'),
  typescript: () => import('highlight.js/lib/languages/typescript'),
  xml: () => import('highlight.js/lib/languages/xml'),
  yaml: () => import('highlight.js/lib/languages/yaml'),
}
/** @type {Record<string, string>} */
const ALIASES = {
  sh: 'bash',
  shell: 'bash',
  zsh: 'bash',
  console: 'bash',
  h: 'c',
  'c++': 'cpp',
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  py: 'python',
  rs: 'rust',
  ts: 'typescript',
  html: 'xml',
  vue: 'xml',
  svg: 'xml',
  yml: 'yaml',
  patch: 'diff',
}

/** @type {import('highlight.js').HLJSApi | null} */
let hljs = null
/** @type {Promise<import('highlight.js').HLJSApi> | null} */
let loadingCore = null
/** @type {Map<string, Promise<void>>} */
const loadingLanguages = new Map()

/** @param {string} info a fence's info string ("js", "python title=x") */
function languageOf(info) {
  const name = info.trim().split(/\s+/)[0].toLowerCase()
  const language = ALIASES[name] ?? name
  return Object.hasOwn(LANGUAGES, language) ? language : null
}

/**
 * @param {string} code
 * @param {string} info
 */
function highlightCode(code, info) {
  const language = languageOf(info)
  if (!hljs || !language || !hljs.getLanguage(language)) return '' // markdown-it escapes it as plain code
  return hljs.highlight(code, { language, ignoreIllegals: true }).value
}

const FENCE = /^ {0,3}(?:`{3,}|~{3,})[ \t]*([^\s`]+)/gm

/**
 * The languages `text`'s code fences name that are not loaded yet.
 * @param {string} text
 */
export function languagesToLoad(text) {
  const needed = new Set()
  for (const [, info] of text.matchAll(FENCE)) {
    const language = languageOf(info)
    if (language && !hljs?.getLanguage(language)) needed.add(language)
  }
  return [...needed]
}

/**
 * Loads what the code fences of `text` need to be highlighted.
 * @param {string} text
 * @returns {Promise<boolean>} true when something new was loaded (render again)
 */
export async function loadHighlighting(text) {
  const needed = languagesToLoad(text)
  if (!needed.length) return false
  loadingCore ??= import('highlight.js/lib/core').then(
    (module) => (hljs = module.default),
    (error) => {
      loadingCore = null // a chunk that failed to load (offline): the next message tries again
      throw error
    },
  )
  const core = await loadingCore
  await Promise.all(
    needed.map((language) => {
      if (!loadingLanguages.has(language)) {
        const loading = LANGUAGES[language]().then(
          (module) => core.registerLanguage(language, module.default),
          (error) => {
            loadingLanguages.delete(language)
            throw error
          },
        )
        loadingLanguages.set(language, loading)
      }
      return loadingLanguages.get(language)
    }),
  )
  return true
}
