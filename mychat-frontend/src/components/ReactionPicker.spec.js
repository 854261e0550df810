import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import { FREQUENT_EMOJI, rememberEmoji } from '../utils/recentEmoji.js'
import ReactionPicker from './ReactionPicker.vue'

beforeEach(() => localStorage.clear())

const mountPicker = async () => {
  const wrapper = mount(ReactionPicker, { attachTo: document.body })
  await wrapper.vm.$nextTick()
  return wrapper
}
const focused = () => document.activeElement?.textContent?.trim()

describe('ReactionPicker', () => {
  it('offers the frequent emoji, then the ones I used lately', async () => {
    rememberEmoji('🦄')
    const wrapper = await mountPicker()
    expect(wrapper.findAll('.reaction-picker__emoji').map((b) => b.text())).toEqual([...FREQUENT_EMOJI, '🦄'])
  })

  it('focuses the first emoji and moves with the arrow keys, Home and End', async () => {
    const wrapper = await mountPicker()
    expect(focused()).toBe('👍')
    const grid = wrapper.find('.reaction-picker__grid')
    await grid.trigger('keydown', { key: 'ArrowRight' })
    expect(focused()).toBe('❤️')
    await grid.trigger('keydown', { key: 'ArrowDown' })
    expect(focused()).toBe('😢') // four to a row
    await grid.trigger('keydown', { key: 'ArrowLeft' })
    await grid.trigger('keydown', { key: 'ArrowUp' })
    expect(focused()).toBe('👍')
    await grid.trigger('keydown', { key: 'ArrowLeft' })
    expect(focused()).toBe('👀') // wraps around
    await grid.trigger('keydown', { key: 'Home' })
    expect(focused()).toBe('👍')
    await grid.trigger('keydown', { key: 'End' })
    expect(focused()).toBe('👀')
    // one Tab stop: only the focused emoji is in the Tab order
    expect(wrapper.findAll('.reaction-picker__emoji[tabindex="0"]').map((b) => b.text())).toEqual(['👀'])
  })

  it('picks with Enter or a click, and closes with Escape', async () => {
    const wrapper = await mountPicker()
    await wrapper.findAll('.reaction-picker__emoji')[2].trigger('click')
    expect(wrapper.emitted('pick')).toEqual([['😂']])
    await wrapper.find('.reaction-picker__grid').trigger('keydown', { key: 'Escape' })
    expect(wrapper.emitted('close')).toEqual([[{ returnFocus: true }]])
  })

  it('takes another emoji typed or pasted, and refuses what is not one', async () => {
    const wrapper = await mountPicker()
    const input = wrapper.find('input')
    await input.setValue('hello')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.find('[role=alert]').text()).toBe('Type or paste one emoji.')
    await input.setValue('🦊')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.emitted('pick')).toEqual([['🦊']])
  })

  it('closes on a click elsewhere', async () => {
    const wrapper = await mountPicker()
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    expect(wrapper.emitted('close')).toEqual([[{ returnFocus: false }]])
  })
})
