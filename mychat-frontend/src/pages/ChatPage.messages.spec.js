import { describe, expect, it } from 'vitest'
import MessageComposer from '../components/MessageComposer.vue'
import MessageList from '../components/MessageList.vue'
import { advance, mountAt, useFakeChat } from '../testing/index.js'

const server = useFakeChat()

async function openChat() {
  const { wrapper } = await mountAt('/chats/room1')
  await advance(500)
  return { wrapper, list: wrapper.findComponent(MessageList), composer: wrapper.findComponent(MessageComposer) }
}
const message = (wrapper, seq) => wrapper.find(`.message[data-seq="${seq}"]`)

describe('ChatPage message actions', () => {
  it('edits a message in place and saves it', async () => {
    server.add('helo', 'me')
    const { wrapper, list } = await openChat()
    list.vm.$emit('edit', server.messages[0])
    await advance(0)
    const box = message(wrapper, 1).find('textarea')
    await box.setValue('hello')
    await box.trigger('keydown', { key: 'Enter' })
    await advance(0)
    expect(server.messages[0].message).toBe('hello')
    expect(message(wrapper, 1).find('textarea').exists()).toBe(false)
    expect(message(wrapper, 1).find('.message-text').text()).toBe('hello')
    expect(message(wrapper, 1).find('.message__edited').exists()).toBe(true)
  })

  it('opens my last message for editing on the up arrow in an empty composer', async () => {
    server.add('mine', 'me')
    server.add('theirs', 'bob')
    const { wrapper } = await openChat()
    await wrapper.find('.composer textarea').trigger('keydown', { key: 'ArrowUp' })
    expect(message(wrapper, 1).find('textarea').exists()).toBe(true)
    expect(message(wrapper, 2).find('textarea').exists()).toBe(false)
  })

  it('sends a reply with the seq it answers', async () => {
    server.add('where?', 'bob')
    const { wrapper, list } = await openChat()
    list.vm.$emit('reply', server.messages[0])
    await advance(0)
    expect(wrapper.find('.reply-bar').text()).toContain('Replying to bob: where?')
    const box = wrapper.find('.composer textarea')
    await box.setValue('here')
    await box.trigger('keydown', { key: 'Enter' })
    await advance(0)
    const post = server.requests.find((r) => r.method === 'POST' && r.path.endsWith('/messages/'))
    expect(JSON.parse(post?.body)).toMatchObject({ message: 'here', reply_to: 1 })
    expect(wrapper.find('.reply-bar').exists()).toBe(false)
  })

  it('toggles a reaction from its chip', async () => {
    server.add('nice', 'bob')
    server.react(1, '👍', 'bob')
    const { wrapper } = await openChat()
    await message(wrapper, 1).find('.reaction').trigger('click')
    await advance(0)
    expect(server.messages[0].reactions).toEqual([{ emoji: '👍', count: 2, user_ids: [3, 2] }])
    expect(message(wrapper, 1).find('.reaction').attributes('aria-pressed')).toBe('true')
  })

  it('says so when an action fails', async () => {
    server.add('hello', 'bob')
    const { wrapper, list } = await openChat()
    server.forcedStatus = 403
    server.forcedMethod = 'DELETE'
    list.vm.$emit('delete', 1)
    await advance(0)
    expect(wrapper.find('.chat__action-error').text()).toContain(
      "Couldn't delete the message: you are not allowed to do that.",
    )
    await wrapper.find('.chat__action-error button').trigger('click')
    expect(wrapper.find('.chat__action-error').exists()).toBe(false)
  })

  it('jumps to a quoted message outside the window and highlights it', async () => {
    for (let i = 1; i <= 150; i += 1) server.add(`message ${i}`, 'bob')
    const { wrapper, list } = await openChat()
    expect(message(wrapper, 3).exists()).toBe(false)
    list.vm.$emit('jump', 3)
    await advance(0)
    expect(server.requests.some((r) => r.path.includes('around=3'))).toBe(true)
    expect(message(wrapper, 3).classes()).toContain('message--highlighted')
    expect(wrapper.find('.jump-to-latest').exists()).toBe(true)
  })

  it('says when a quoted message is gone', async () => {
    server.add('hello', 'bob')
    const { wrapper, list } = await openChat()
    list.vm.$emit('jump', 99)
    await advance(0)
    expect(wrapper.find('.chat__action-error').text()).toMatch(/no longer/)
  })
})

describe('ChatPage opened at a message (?seq=)', () => {
  it('loads the history around it and highlights it', async () => {
    for (let i = 1; i <= 150; i += 1) server.add(`message ${i}`, 'bob')
    const { wrapper } = await mountAt('/chats/room1?seq=3')
    await advance(500)
    expect(server.requests.some((r) => r.path.includes('around=3'))).toBe(true)
    expect(message(wrapper, 3).classes()).toContain('message--highlighted')
  })

  it('moves to another message of the same chat without reloading the page', async () => {
    for (let i = 1; i <= 150; i += 1) server.add(`message ${i}`, 'bob')
    const { wrapper, router } = await mountAt('/chats/room1')
    await advance(500)
    await router.push('/chats/room1?seq=140')
    await advance(0)
    expect(message(wrapper, 140).classes()).toContain('message--highlighted')
  })
})
