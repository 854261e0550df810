import { afterEach, describe, expect, it } from 'vitest'
import { MARK_DELAY_MS, MARK_EVERY_MS } from '../composables/useReadMark.js'
import { advance, mountAt, useFakeChat } from '../testing/index.js'

const server = useFakeChat()
const reads = () => server.requests.filter((r) => r.path === '/api/chats/room1/read/').map((r) => JSON.parse(r.body))

/** @param {boolean} hidden */
function setHidden(hidden) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden })
  document.dispatchEvent(new Event('visibilitychange'))
}

afterEach(() => setHidden(false))

describe('ChatPage read state', () => {
  it('draws the "New messages" line at the first unread message and marks what is in view read', async () => {
    server.add('seen before')
    server.add('new one')
    server.add('newer one')
    server.lastRead = 1
    const { wrapper } = await mountAt('/chats/room1')
    await advance(0)
    const items = wrapper.findAll('.message-list__items > li')
    const line = items.findIndex((item) => item.classes('new-messages'))
    expect(line).toBeGreaterThan(0)
    expect(items[line + 1].attributes('data-seq')).toBe('2')
    await advance(MARK_DELAY_MS)
    expect(reads()).toEqual([{ seq: 3 }])
    expect(server.lastRead).toBe(3)
  })

  it('draws no line when everything was read, and sends no mark', async () => {
    server.add('old')
    server.lastRead = 1
    const { wrapper } = await mountAt('/chats/room1')
    await advance(MARK_DELAY_MS)
    expect(wrapper.find('.new-messages').exists()).toBe(false)
    expect(reads()).toEqual([])
  })

  it('does not mark while the tab is hidden, counts the news in the title, and marks once it is shown', async () => {
    server.add('old')
    server.lastRead = 1
    await mountAt('/chats/room1')
    await advance(MARK_DELAY_MS)
    setHidden(true)
    server.add('while away')
    await advance(2000) // the poll brings it
    await advance(MARK_DELAY_MS)
    expect(reads()).toEqual([])
    expect(document.title).toBe('(1) mychat')
    setHidden(false)
    await advance(0)
    expect(document.title).toBe('mychat') // seen at once; the server hears of it in its turn
    await advance(MARK_EVERY_MS * 1.5)
    expect(reads()).toEqual([{ seq: 2 }])
  })

  it('tells the server lazily while news keeps coming: at most about every 2 minutes, and at once on leaving', async () => {
    server.add('old')
    server.lastRead = 1
    const { router } = await mountAt('/chats/room1')
    await advance(0)
    for (let n = 0; n < 20; n += 1) {
      server.add(`slide ${n}`)
      await advance(1000)
    }
    expect(reads().length).toBe(0) // nothing was unread at opening: the first mark waits its turn
    await advance(MARK_EVERY_MS * 1.5)
    expect(reads()).toEqual([{ seq: 21 }])
    server.add('one more')
    await advance(1000)
    await router.push('/')
    expect(reads()).toEqual([{ seq: 21 }, { seq: 22 }])
  })

  it('marks at once what the reader saw when they leave the tab', async () => {
    server.add('old')
    server.lastRead = 1
    await mountAt('/chats/room1')
    await advance(0)
    server.add('news')
    await advance(1000)
    setHidden(true)
    await advance(0)
    expect(reads()).toEqual([{ seq: 2 }])
  })

  it('opens a mention from the inbox at its message', async () => {
    for (let n = 1; n <= 150; n += 1) server.add(`message ${n}`)
    server.lastRead = 150
    const { wrapper } = await mountAt('/chats/room1?seq=3')
    await advance(0)
    await advance(0)
    expect(server.polls.some((poll) => poll.path.includes('around=3'))).toBe(true)
    expect(wrapper.find('[data-seq="3"]').exists()).toBe(true)
  })
})
