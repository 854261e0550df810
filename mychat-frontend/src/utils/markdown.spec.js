import { describe, expect, it } from 'vitest'
import { languagesToLoad, loadHighlighting, plainText, renderMarkdown } from './markdown.js'

/** Parses the HTML the way the page would, to ask what elements it made. */
function dom(text, options = {}) {
  const container = document.createElement('div')
  container.innerHTML = renderMarkdown(text, options)
  return container
}

describe('renderMarkdown', () => {
  it('renders emphasis, lists, code and line breaks', () => {
    const html = renderMarkdown('**bold** _it_ `code`\nnext line\n\n- one\n- two')
    expect(html).toContain('<strong>bold</strong>')
    expect(html).toContain('<em>it</em>')
    expect(html).toContain('<code>code</code>')
    expect(html).toContain('<br>')
    expect(html).toContain('<li>one</li>')
  })

  it('shows HTML a user types as text', () => {
    const text = '<b>bold</b><script>alert(1)</script>'
    const container = dom(text)
    expect(container.textContent).toBe(text)
    expect(container.querySelector('b, script')).toBeNull()
  })

  it('never makes an element with an event handler', () => {
    const container = dom('<img src=x onerror=alert(1)> <a href="#" onclick="alert(1)">x</a>')
    expect(container.querySelector('img')).toBeNull()
    expect(container.querySelector('[onerror], [onclick]')).toBeNull()
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>')
  })

  it('links web addresses, opening safely in a new tab', () => {
    const links = dom('docs at https://example.com/a. and [the guide](https://example.com/guide)').querySelectorAll('a')
    expect([...links].map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['https://example.com/a', 'https://example.com/a'],
      ['https://example.com/guide', 'the guide'],
    ])
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank')
      expect(link.getAttribute('rel')).toBe('noopener noreferrer')
    }
  })

  it('links common web names without a scheme, but not file names that look like domains', () => {
    const links = dom('www.vuejs.org, example.com/x, README.md and setup.py').querySelectorAll('a')
    expect([...links].map((a) => a.getAttribute('href'))).toEqual(['http://www.vuejs.org', 'http://example.com/x'])
  })

  it.each([
    '[x](javascript:alert(1))',
    '[x](JAVASCRIPT:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](vbscript:msgbox)',
    'javascript:alert(1)',
    '<javascript:alert(1)>',
  ])('never makes %s clickable', (text) => {
    const container = dom(text)
    expect(container.querySelector('a')).toBeNull()
    expect(container.innerHTML).not.toMatch(/href="(javascript|data|vbscript):/i)
  })

  it('turns an image into a plain link: nothing is loaded from elsewhere', () => {
    const container = dom('![cat](http://evil/img.png)')
    expect(container.querySelector('img')).toBeNull()
    const link = container.querySelector('a')
    expect(link?.getAttribute('href')).toBe('http://evil/img.png')
    expect(link?.textContent).toBe('cat')
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer')
  })

  it('drops an image with a javascript: source', () => {
    const container = dom('![x](javascript:alert(1))')
    expect(container.querySelector('img, a')).toBeNull()
  })

  it('escapes raw HTML in a code fence', () => {
    const container = dom('```html\n<script>alert(1)</script>\n```')
    expect(container.querySelector('script')).toBeNull()
    expect(container.querySelector('pre code')?.textContent).toBe('<script>alert(1)</script>\n')
  })

  it("shows @mentions as chips, the viewer's own stands out", () => {
    const container = dom('hi @alice and @Bob, mail bob@example.com', { viewer: 'bob' })
    const chips = [...container.querySelectorAll('.mention')]
    expect(chips.map((chip) => chip.textContent)).toEqual(['@alice', '@Bob'])
    expect(chips.map((chip) => chip.classList.contains('mention--me'))).toEqual([false, true])
    expect(container.textContent).toBe('hi @alice and @Bob, mail bob@example.com')
  })

  it('leaves a mention in code as it is', () => {
    const container = dom('`@alice` and\n\n```\n@bob\n```')
    expect(container.querySelector('.mention')).toBeNull()
    expect(container.querySelector('code')?.textContent).toBe('@alice')
  })

  it('escapes a mention-like name with markup in it', () => {
    const container = dom('@a<b>c')
    expect(container.querySelector('b')).toBeNull()
    expect(container.querySelector('.mention')?.textContent).toBe('@a')
  })
})

describe('code highlighting', () => {
  it('names the languages a message needs, by alias too', () => {
    expect(languagesToLoad('```js\nx\n```\n~~~ python\ny\n~~~\n```\nplain\n```\n```klingon\nz\n```')).toEqual([
      'javascript',
      'python',
    ])
    expect(languagesToLoad('no code')).toEqual([])
  })

  it('shows plain code first, then highlights once the language has loaded', async () => {
    const text = '```js\nconst x = "<b>"\n```'
    expect(dom(text).querySelector('.hljs-keyword')).toBeNull()
    expect(await loadHighlighting(text)).toBe(true)
    const container = dom(text)
    expect(container.querySelector('.hljs-keyword')?.textContent).toBe('const')
    expect(container.querySelector('b')).toBeNull()
    expect(container.querySelector('code')?.textContent).toBe('const x = "<b>"\n')
    expect(await loadHighlighting(text)).toBe(false) // already there
  })

  it('escapes HTML in highlighted code', async () => {
    const text = '```html\n<img src=x onerror=alert(1)><script>alert(1)</script>\n```'
    await loadHighlighting(text)
    const container = dom(text)
    expect(container.querySelector('img, script')).toBeNull()
    expect(container.querySelector('.hljs-tag')).not.toBeNull()
  })
})

describe('plainText', () => {
  it('keeps the words of a message, without its Markdown, on one line', () => {
    expect(plainText('Hi @alice, check **this**:\n\n```sql\nSELECT 1;\n```\n- one\n- `two`')).toBe(
      'Hi @alice, check this: SELECT 1; one two',
    )
    expect(plainText('<b>x</b> [link](https://x.org)')).toBe('<b>x</b> link')
  })
})
