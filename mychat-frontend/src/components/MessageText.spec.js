import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import MessageText from './MessageText.vue'

describe('MessageText', () => {
  it('shows HTML as literal text', () => {
    const text = '<b>bold</b><script>alert(1)</script><img src=x onerror=alert(1)>'
    const wrapper = mount(MessageText, { props: { text } })
    expect(wrapper.text()).toBe(text)
    expect(wrapper.find('b').exists()).toBe(false)
    expect(wrapper.find('script').exists()).toBe(false)
    expect(wrapper.find('img').exists()).toBe(false)
  })

  it('renders Markdown', () => {
    const wrapper = mount(MessageText, { props: { text: '**bold** and `code`' } })
    expect(wrapper.find('strong').text()).toBe('bold')
    expect(wrapper.find('code').text()).toBe('code')
  })

  it('makes links clickable, opening safely in a new tab', () => {
    const wrapper = mount(MessageText, { props: { text: 'docs at https://example.com/a. thanks' } })
    const links = wrapper.findAll('a')
    expect(links).toHaveLength(1)
    expect(links[0].text()).toBe('https://example.com/a')
    expect(links[0].attributes()).toMatchObject({
      href: 'https://example.com/a',
      target: '_blank',
      rel: 'noopener noreferrer',
    })
    expect(wrapper.text()).toBe('docs at https://example.com/a. thanks')
  })

  it('does not link javascript: URLs', () => {
    const wrapper = mount(MessageText, { props: { text: 'javascript:alert(1) [x](javascript:alert(1))' } })
    expect(wrapper.find('a').exists()).toBe(false)
  })

  it('marks mentions of the viewer', () => {
    const wrapper = mount(MessageText, { props: { text: '@alice @bob', viewer: 'bob' } })
    expect(wrapper.findAll('.mention').map((chip) => chip.classes('mention--me'))).toEqual([false, true])
  })

  it('highlights a code fence once the language has loaded', async () => {
    const wrapper = mount(MessageText, { props: { text: '```python\ndef f(): pass\n```' } })
    expect(wrapper.find('pre code').text()).toBe('def f(): pass')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.find('.hljs-keyword').exists()).toBe(true)
    })
  })
})
