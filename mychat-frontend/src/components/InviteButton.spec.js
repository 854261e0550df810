import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { advance, useFakeTimers } from '../testing/index.js'
import InviteButton from './InviteButton.vue'

useFakeTimers()
const invite = { code: 'abc123', url: 'http://elsewhere/join/abc123' }

/** @param {(text: string) => Promise<void>} writeText */
function withClipboard(writeText) {
  vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: vi.fn(writeText) } })
  return mount(InviteButton, { props: { invite } })
}

describe('InviteButton', () => {
  it('copies the /join/<code> link on this origin and says so in the button itself', async () => {
    const wrapper = withClipboard(async () => {})
    const button = wrapper.find('button')
    await button.trigger('click')
    await flushPromises()
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith(`${location.origin}/join/abc123`)
    // The same button, both labels always in it (one hidden): its width never changes, nothing moves.
    expect(wrapper.find('button').element).toBe(button.element)
    expect(button.findAll('span').map((s) => s.text())).toEqual(['Copy invite link', 'Copied ✓'])
    expect(button.find('.invite__hidden').text()).toBe('Copy invite link')
    expect(wrapper.find('[role="status"]').text()).toBe('Invite link copied')
    await advance(3000)
    expect(button.find('.invite__hidden').text()).toBe('Copied ✓')
    expect(wrapper.find('[role="status"]').text()).toBe('')
  })

  it('shows the link to copy by hand when there is no clipboard', async () => {
    const wrapper = withClipboard(async () => {
      throw new Error('denied')
    })
    await wrapper.find('button').trigger('click')
    await flushPromises()
    const input = wrapper.find('input')
    expect(input.element.value).toBe(`${location.origin}/join/abc123`)
    expect(wrapper.find('label').text()).toContain('Copy this link:')
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Done')
      ?.trigger('click')
    expect(wrapper.find('input').exists()).toBe(false)
  })
})
