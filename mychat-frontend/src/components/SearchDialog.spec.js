import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createAppRouter } from '../router/index.js'
import { advance, useFakeChat } from '../testing/index.js'
import SearchDialog from './SearchDialog.vue'

const server = useFakeChat()

/** @param {Record<string, unknown>} [props] */
async function openSearch(props = {}) {
  const router = createAppRouter(createMemoryHistory())
  await router.push('/')
  const wrapper = mount(SearchDialog, {
    props: { debounceMs: 200, viewer: { username: 'me' }, ...props },
    global: { plugins: [router] },
    attachTo: document.body,
  })
  await advance(0)
  return { wrapper, router }
}

/** @param {import('@vue/test-utils').VueWrapper} wrapper @param {string} text */
async function type(wrapper, text) {
  await wrapper.find('input[type="search"]').setValue(text)
  await advance(250)
}

const searches = () => server.requests.filter((r) => r.path.startsWith('/api/search/'))
/** @param {import('@vue/test-utils').VueWrapper} wrapper */
const shown = (wrapper) => wrapper.findAll('.search__result').map((a) => a.find('.search__text').text())

describe('SearchDialog', () => {
  it('searches a moment after typing stops and marks the words found, newest first', async () => {
    server.title = 'Team'
    server.add('The meeting is in room 301', 'bob')
    server.add('Lunch?', 'bob')
    server.add('meeting moved to 405', 'alice')
    const { wrapper } = await openSearch()
    expect(document.activeElement).toBe(wrapper.find('input[type="search"]').element)
    await wrapper.find('input[type="search"]').setValue('meet')
    await advance(100)
    await wrapper.find('input[type="search"]').setValue('meeting')
    await advance(250)
    expect(searches().map((r) => r.path)).toEqual(['/api/search/?q=meeting&limit=20'])
    expect(shown(wrapper)).toEqual(['meeting moved to 405', 'The meeting is in room 301'])
    const first = wrapper.find('.search__result')
    expect(first.find('mark').text()).toBe('meeting')
    expect(first.find('.search__chat').text()).toBe('Team')
    expect(first.find('.search__author').text()).toBe('alice')
    expect(first.attributes('href')).toBe('/chats/room1?seq=3')
    expect(wrapper.find('[role="status"]').text()).toBe('2 found')
  })

  it('keeps markup in a message as text', async () => {
    server.add('<img src=x onerror=alert(1)> needle', 'bob')
    const { wrapper } = await openSearch()
    await type(wrapper, 'needle')
    expect(wrapper.find('.search__text img').exists()).toBe(false)
    expect(shown(wrapper)).toEqual(['<img src=x onerror=alert(1)> needle'])
  })

  it('says when nothing is found, and sends nothing for blanks', async () => {
    server.add('hello', 'bob')
    const { wrapper } = await openSearch()
    await type(wrapper, '   ')
    expect(searches()).toHaveLength(0)
    await type(wrapper, 'zyzzyva')
    expect(wrapper.find('[role="status"]').text()).toBe('Nothing found for “zyzzyva”.')
  })

  it('says in words what the server did not accept', async () => {
    const { wrapper } = await openSearch()
    server.forcedStatus = 400
    await type(wrapper, 'before:soon')
    expect(wrapper.find('[role="alert"]').text()).toBe("Couldn't search: forced")
  })

  it('searches only this chat when asked to', async () => {
    server.add('pizza', 'bob')
    const { wrapper } = await openSearch({ currentUri: 'room1' })
    const thisChat = /** @type {HTMLInputElement} */ (wrapper.find('input[value="chat"]').element)
    expect(thisChat.checked).toBe(true)
    await type(wrapper, 'pizza')
    expect(searches().at(-1)?.path).toBe('/api/search/?q=pizza&chat=room1&limit=20')
    await wrapper.find('input[value="all"]').setValue(true)
    await advance(250)
    expect(searches().at(-1)?.path).toBe('/api/search/?q=pizza&limit=20')
  })

  it('loads older results when scrolled to the end', async () => {
    for (let i = 1; i <= 25; i += 1) server.add(`note ${i}`, 'bob')
    const { wrapper } = await openSearch()
    await type(wrapper, 'note')
    expect(wrapper.findAll('.search__result')).toHaveLength(20)
    const list = wrapper.find('.search__results')
    await list.trigger('scroll') // jsdom has no layout: every scroll is at the end
    await flushPromises()
    expect(searches().at(-1)?.path).toBe('/api/search/?q=note&before=6&limit=20')
    expect(shown(wrapper).at(-1)).toBe('note 1')
    expect(wrapper.findAll('.search__result')).toHaveLength(25)
    expect(wrapper.find('.search__more-button').exists()).toBe(false)
  })

  it('opens the chat at the message and closes', async () => {
    server.add('pizza', 'bob')
    const { wrapper, router } = await openSearch()
    await type(wrapper, 'pizza')
    await wrapper.find('.search__result').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/chats/room1?seq=1')
    expect(wrapper.emitted('close')).toHaveLength(1)
  })

  it('closes with Escape and moves through the results with the arrow keys', async () => {
    server.add('pizza one', 'bob')
    server.add('pizza two', 'bob')
    const { wrapper } = await openSearch()
    await type(wrapper, 'pizza')
    const input = wrapper.find('input[type="search"]')
    await input.trigger('keydown', { key: 'ArrowDown' })
    expect(document.activeElement?.textContent).toContain('pizza two')
    await wrapper.find('.search__result').trigger('keydown', { key: 'ArrowDown' })
    expect(document.activeElement?.textContent).toContain('pizza one')
    await input.trigger('keydown', { key: 'Escape' })
    expect(wrapper.emitted('close')).toHaveLength(1)
  })
})
