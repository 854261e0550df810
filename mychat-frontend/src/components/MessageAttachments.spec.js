import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setToken } from '../api/client.js'
import { forgetAttachments } from '../composables/useAttachmentUrl.js'
import MessageAttachments from './MessageAttachments.vue'

const image = {
  id: 1,
  name: 'wide.png',
  size: 2048,
  content_type: 'image/png',
  url: '/api/attachments/1/',
  thumbnail_url: '/api/attachments/1/thumbnail/',
  width: 640,
  height: 320,
}
const file = {
  ...image,
  id: 2,
  name: 'notes.pdf',
  size: 1536,
  content_type: 'application/pdf',
  url: '/api/attachments/2/',
  thumbnail_url: null,
  width: null,
  height: null,
}

/** @type {ReturnType<typeof vi.fn>} */
let fetchMock
beforeEach(() => {
  setToken('secret-token')
  fetchMock = vi.fn(async (/** @type {string} */ url) => ({ ok: true, status: 200, blob: async () => new Blob([url]) }))
  vi.stubGlobal('fetch', fetchMock)
  let made = 0
  URL.createObjectURL = vi.fn(() => `blob:test/${++made}`)
  URL.revokeObjectURL = vi.fn()
})
afterEach(() => forgetAttachments())

const settle = () => new Promise((resolve) => setTimeout(resolve))

describe('MessageAttachments', () => {
  it('reserves an image its box from width and height, then shows the thumbnail fetched with the token', async () => {
    const wrapper = mount(MessageAttachments, { props: { attachments: [image] } })
    const button = wrapper.find('button[aria-label="Open wide.png full size"]')
    expect(button.attributes('style')).toContain('width: 240px')
    expect(button.attributes('style')).toContain('aspect-ratio: 240 / 120')
    await settle()
    const img = wrapper.find('img')
    expect([img.attributes('src'), img.attributes('alt'), img.attributes('width'), img.attributes('height')]).toEqual([
      'blob:test/1',
      'wide.png',
      '240',
      '120',
    ])
    expect(fetchMock).toHaveBeenCalledWith('/api/attachments/1/thumbnail/', {
      headers: { 'Accept-Language': 'en', Authorization: 'Token secret-token' },
    })
  })

  it('opens the full size in a dialog that Escape closes', async () => {
    const wrapper = mount(MessageAttachments, { props: { attachments: [image] }, attachTo: document.body })
    const opener = wrapper.find('.attachment-image')
    ;/** @type {HTMLElement} */ (opener.element).focus() // as a click or Enter leaves it
    await opener.trigger('click')
    await settle()
    const dialog = /** @type {HTMLElement} */ (document.querySelector('[role=dialog]'))
    expect(dialog.getAttribute('aria-label')).toBe('wide.png')
    expect(fetchMock).toHaveBeenCalledWith('/api/attachments/1/', expect.anything())
    expect(dialog.querySelector('img')?.getAttribute('src')).toMatch(/^blob:/)
    expect(document.activeElement?.textContent?.trim()).toBe('Close')
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    await settle()
    expect(document.querySelector('[role=dialog]')).toBeNull()
    expect(document.activeElement?.classList.contains('attachment-image')).toBe(true) // focus goes back
    wrapper.unmount()
  })

  it('shows another file as a card that downloads on click', async () => {
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(
      /** @this {HTMLAnchorElement} */
      function () {
        expect([this.download, this.href]).toEqual(['notes.pdf', expect.stringMatching(/^blob:/)])
      },
    )
    const wrapper = mount(MessageAttachments, { props: { attachments: [file] } })
    const card = wrapper.find('button.attachment-file')
    expect(card.attributes('aria-label')).toBe('Download notes.pdf, 1.5 KB')
    expect(card.find('.attachment-file__kind').text()).toBe('PDF')
    await card.trigger('click')
    await settle()
    expect(clicked).toHaveBeenCalledOnce()
  })

  it('says so when a download fails', async () => {
    fetchMock.mockResolvedValue({ ok: false, status: 404, text: async () => '{"detail":"No such attachment."}' })
    const wrapper = mount(MessageAttachments, { props: { attachments: [file] } })
    await wrapper.find('button.attachment-file').trigger('click')
    await settle()
    expect(wrapper.find('[role=alert]').text()).toBe("Couldn't download notes.pdf: it is no longer in this chat.")
  })
})
