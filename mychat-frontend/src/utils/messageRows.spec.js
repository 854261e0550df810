import { describe, expect, it } from 'vitest'
import { dayLabel, messageRows } from './messageRows.js'

const now = new Date(2025, 5, 15, 15, 0) // a local afternoon
let seq = 0
/** @param {string} username @param {Date} date @param {object} [fields] */
const message = (username, date, fields = {}) => ({
  id: ++seq,
  seq,
  kind: 'text',
  user: { id: username.length, username },
  message: 'hi',
  created_at: date.toISOString(),
  ...fields,
})
const at = (day, hour, minute = 0) => new Date(2025, 5, day, hour, minute)
const shape = (rows) =>
  rows.map((row) => (row.type === 'day' ? row.label : `${row.message.user.username}${row.grouped ? '+' : ''}`))

describe('dayLabel', () => {
  it('says Today, Yesterday, else the date, with the year only when it is another year', () => {
    expect(dayLabel(at(15, 0, 1), now)).toBe('Today')
    expect(dayLabel(at(14, 23, 59), now)).toBe('Yesterday')
    expect(dayLabel(at(10, 9), now, 'en-US')).toBe('Tuesday, June 10')
    expect(dayLabel(new Date(2024, 11, 31), now, 'en-US')).toBe('Tuesday, December 31, 2024')
  })
})

describe('messageRows', () => {
  it('puts a day separator before the first message of each day', () => {
    const rows = messageRows([message('alice', at(13, 9)), message('bob', at(14, 9)), message('bob', at(15, 9))], now)
    expect(shape(rows)).toEqual(['Friday, June 13', 'alice', 'Yesterday', 'bob', 'Today', 'bob'])
  })

  it("groups one person's messages within five minutes, not across a day, another person or a system message", () => {
    const rows = messageRows(
      [
        message('alice', at(14, 23, 58)),
        message('alice', at(15, 0, 1)), // another day
        message('alice', at(15, 0, 4)),
        message('alice', at(15, 0, 10)), // six minutes later
        message('bob', at(15, 0, 11)),
        message('bob', at(15, 0, 12), { kind: 'system', event: { type: 'join' } }),
        message('bob', at(15, 0, 13)),
      ],
      now,
    )
    expect(shape(rows)).toEqual(['Yesterday', 'alice', 'Today', 'alice', 'alice+', 'alice', 'bob', 'bob', 'bob'])
  })

  it('keys rows by seq and by day', () => {
    const rows = messageRows([message('alice', at(15, 9))], now)
    expect(rows.map((row) => row.key)).toEqual(['day-2025-6-15', `message-${seq}`])
  })
})

describe('the "New messages" line', () => {
  const three = () => [message('ana', at(15, 10)), message('ana', at(15, 10, 1)), message('ana', at(15, 10, 2))]

  it('goes before the first unread message, which then shows its author again', () => {
    const messages = three()
    const rows = messageRows(messages, now, messages[1].seq)
    expect(rows.map((row) => row.type)).toEqual(['day', 'message', 'new', 'message', 'message'])
    expect(rows[3]).toMatchObject({ grouped: false })
    expect(rows[4]).toMatchObject({ grouped: true })
  })

  it('goes before the first message after the mark when that one is not loaded, once', () => {
    const messages = three()
    const rows = messageRows(messages, now, messages[0].seq - 5)
    expect(rows.filter((row) => row.type === 'new')).toHaveLength(1)
    expect(rows[1].type).toBe('new')
  })

  it('is not drawn when nothing was unread', () => {
    expect(messageRows(three(), now, null).some((row) => row.type === 'new')).toBe(false)
  })
})
