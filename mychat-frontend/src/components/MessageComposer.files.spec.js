import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { advance, useFakeChat } from '../testing/index.js'
import MessageComposer from './MessageComposer.vue'

const server = useFakeChat({ uri: 'room1' })

/** XMLHttpRequest as the upload uses it: a test reports progress and answers. */
class FakeXhr {
  /** @type {FakeXhr[]} */
  static instances = []
  constructor() {
    /** @type {any} */
    this.upload = {}
    /** @type {Record<string, string>} */
    this.headers = {}
    this.status = 0
    this.responseText = ''
    /** @type {any} */ this.onload = null
    /** @type {any} */ this.onabort = null
    /** @type {any} */ this.onerror = null
  }
  /** @param {string} method @param {string} url */
  open(method, url) {
    this.method = method
    this.url = url
  }
  /** @param {string} name @param {string} value */
  setRequestHeader(name, value) {
    this.headers[name] = value
  }
  /** @param {FormData} body */
  send(body) {
    /** @type {FormData | undefined} */
    this.body = body
    FakeXhr.instances.push(this)
  }
  abort() {
    this.aborted = true
    this.onabort?.()
  }
  getResponseHeader() {
    return null
  }
  /** @param {number} loaded @param {number} total */
  progress(loaded, total) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total })
  }
  /** @param {number} status @param {unknown} data */
  respond(status, data) {
    this.status = status
    this.responseText = JSON.stringify(data)
    this.onload?.()
  }
}

/** @param {number} id @param {string} name */
const attachmentOf = (id, name) => ({
  id,
  name,
  size: 5,
  content_type: 'image/png',
  url: `/api/attachments/${id}/`,
  thumbnail_url: `/api/attachments/${id}/thumbnail/`,
  width: 10,
  height: 10,
})

beforeEach(() => {
  FakeXhr.instances = []
  vi.stubGlobal('XMLHttpRequest', FakeXhr)
})

/** @param {Record<string, unknown>} [props] */
function mountComposer(props = {}) {
  const wrapper = mount(MessageComposer, { props: { uri: 'room1', ...props }, attachTo: document.body })
  return { wrapper, textarea: wrapper.find('textarea') }
}

/** @param {import('@vue/test-utils').VueWrapper} wrapper @param {File[]} files */
async function choose(wrapper, files) {
  const input = wrapper.find('input[type=file]')
  Object.defineProperty(input.element, 'files', { value: files, configurable: true })
  await input.trigger('change')
}

const png = (name = 'shot.png') => new File(['\x89PNG'], name, { type: 'image/png' })

describe('MessageComposer with files', () => {
  it('has an attach button only where there is a chat to upload to', () => {
    expect(mountComposer().wrapper.find('button[aria-label="Attach files"]').exists()).toBe(true)
    expect(mountComposer({ uri: '' }).wrapper.find('button[aria-label="Attach files"]').exists()).toBe(false)
  })

  it('uploads a chosen file with the token, shows its progress, then sends it with the caption', async () => {
    const { wrapper, textarea } = mountComposer()
    await choose(wrapper, [png()])
    const [xhr] = FakeXhr.instances
    expect([xhr.method, xhr.url, xhr.headers.Authorization]).toEqual([
      'POST',
      '/api/chats/room1/attachments/',
      'Token secret-token',
    ])
    expect(/** @type {FormData} */ (xhr.body).get('file')).toBeInstanceOf(File)
    xhr.progress(50, 100)
    await advance(0)
    const progress = wrapper.find('progress[aria-label="Uploading shot.png"]')
    expect(/** @type {HTMLProgressElement} */ (progress.element).value).toBe(0.5)
    expect(wrapper.find('button[type=submit]').attributes('disabled')).toBeDefined() // not while uploading
    xhr.respond(201, attachmentOf(7, 'shot.png'))
    await advance(0)
    expect(wrapper.find('.upload-tray__done').text()).toBe('ready')
    await textarea.setValue('look')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.emitted('send')).toEqual([['look', { attachments: [7] }]])
    expect(wrapper.find('.upload-tray').exists()).toBe(false)
  })

  it('sends files without a caption, several in one message, answering a reply', async () => {
    const replyTo = { seq: 3, user: { id: 2, username: 'bob' }, message: 'hi' }
    const { wrapper } = mountComposer({ replyTo })
    await choose(wrapper, [png('a.png'), png('b.png')])
    FakeXhr.instances[0].respond(201, attachmentOf(1, 'a.png'))
    FakeXhr.instances[1].respond(201, attachmentOf(2, 'b.png'))
    await advance(0)
    await wrapper.find('form').trigger('submit')
    expect(wrapper.emitted('send')).toEqual([['', { attachments: [1, 2], replyTo: 3 }]])
  })

  it('cancels an upload under way', async () => {
    const { wrapper } = mountComposer()
    await choose(wrapper, [png()])
    await wrapper.find('button[aria-label="Cancel shot.png"]').trigger('click')
    expect(FakeXhr.instances[0].aborted).toBe(true)
    expect(wrapper.find('.upload-tray').exists()).toBe(false)
  })

  it('says in words why a file was refused', async () => {
    server.config.upload_max_bytes = 3
    const { wrapper } = mountComposer()
    await advance(0)
    await choose(wrapper, [png()])
    expect(FakeXhr.instances).toHaveLength(0)
    expect(wrapper.find('.upload-tray__error').text()).toBe('Too large: files can be at most 3 bytes.')
    expect(wrapper.find('button[type=submit]').attributes('disabled')).toBeDefined()
  })

  it('turns a pasted image into an attachment and leaves pasted text alone', async () => {
    const { textarea } = mountComposer()
    const image = new File(['x'], 'image.png', { type: 'image/png' })
    const event = new Event('paste', { cancelable: true })
    Object.defineProperty(event, 'clipboardData', { value: { files: [image] } })
    textarea.element.dispatchEvent(event)
    expect(event.defaultPrevented).toBe(true)
    const sent = /** @type {File} */ (FakeXhr.instances[0].body?.get('file'))
    expect(sent.name).toMatch(/^pasted-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d\.png$/)
    const text = new Event('paste', { cancelable: true })
    Object.defineProperty(text, 'clipboardData', { value: { files: [] } })
    textarea.element.dispatchEvent(text)
    expect(text.defaultPrevented).toBe(false)
  })

  it('offers to send a paste over the limit as a text file', async () => {
    server.config.message_max_length = 20
    const { wrapper, textarea } = mountComposer()
    await advance(0)
    await textarea.setValue('x'.repeat(30))
    await wrapper.find('.composer__as-file').trigger('click')
    expect(textarea.element.value).toBe('')
    const file = /** @type {File} */ (FakeXhr.instances[0].body?.get('file'))
    expect([file.name, file.type, await file.text()]).toEqual(['message.txt', 'text/plain', 'x'.repeat(30)])
  })
})
