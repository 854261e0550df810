import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { setLocale } from '../i18n/index.js'
import { advance, useFakeChat } from '../testing/index.js'
import MessageComposer from './MessageComposer.vue'

useFakeChat({ uri: 'room1' })

/** Uploads that answer at once with the attachment's id. */
class InstantXhr {
  static next = 1
  constructor() {
    /** @type {any} */ this.upload = {}
    this.status = 0
    this.responseText = ''
    /** @type {any} */ this.onload = null
  }
  open() {}
  setRequestHeader() {}
  /** @param {FormData} body */
  send(body) {
    const file = /** @type {File} */ (body.get('file'))
    this.status = 201
    this.responseText = JSON.stringify({ id: InstantXhr.next++, name: file.name, size: file.size })
    queueMicrotask(() => this.onload?.())
  }
  abort() {}
  getResponseHeader() {
    return null
  }
}

beforeEach(() => {
  InstantXhr.next = 1
  vi.stubGlobal('XMLHttpRequest', InstantXhr)
})

/** @param {File[]} files */
async function composerWith(files) {
  const wrapper = mount(MessageComposer, { props: { uri: 'room1' }, attachTo: document.body })
  const input = wrapper.find('input[type=file]')
  Object.defineProperty(input.element, 'files', { value: files, configurable: true })
  await input.trigger('change')
  await advance(0)
  return wrapper
}

const markdown = (name = 'notes.md') => new File(['# Notes'], name, { type: 'text/markdown' })
const png = () => new File(['\x89PNG'], 'shot.png', { type: 'image/png' })

describe("Add to the bot's knowledge", () => {
  it('is offered for documents only, unchecked', async () => {
    expect((await composerWith([png()])).find('.bot-knowledge').exists()).toBe(false)
    const wrapper = await composerWith([markdown(), png()])
    const box = wrapper.find('input[type=checkbox]')
    expect(wrapper.find('.bot-knowledge').text()).toContain("Add to the bot's knowledge")
    expect(/** @type {HTMLInputElement} */ (box.element).checked).toBe(false)
    expect(box.attributes('aria-describedby')).toBe('bot-knowledge-hint')
  })

  it('sends the files, then /kb add as a reply to them, when checked', async () => {
    const wrapper = await composerWith([markdown()])
    await wrapper.find('input[type=checkbox]').setValue(true)
    await wrapper.find('textarea').setValue('course notes')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.emitted('send')).toEqual([['course notes', { attachments: [1], followUp: '/kb add' }]])
    expect(wrapper.find('.bot-knowledge').exists()).toBe(false) // the tray is empty again
  })

  it('sends the files alone when not checked', async () => {
    const wrapper = await composerWith([markdown()])
    await wrapper.find('form').trigger('submit')
    expect(wrapper.emitted('send')).toEqual([['', { attachments: [1] }]])
  })

  it('speaks the app language', async () => {
    setLocale('zh-TW')
    const wrapper = await composerWith([markdown()])
    expect(wrapper.find('.bot-knowledge').text()).toContain('加入機器人的知識庫')
  })
})
