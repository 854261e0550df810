/** Messages as the API sends them, for component tests: every field filled, overridable. */

/** @typedef {import('../api/types.js').Message} Message */

let lastSeq = 0

/**
 * @param {Partial<Omit<Message, 'user'>> & {user?: {id: number, username: string}}} [fields]
 * @returns {Message}
 */
export function makeMessage(fields = {}) {
  const seq = fields.seq ?? ++lastSeq
  return {
    id: 1000 + seq,
    seq,
    rev: seq,
    kind: 'text',
    event: null,
    user: { id: 1, username: 'alice' },
    message: 'hi',
    created_at: '2025-01-01T12:00:00Z',
    edited_at: null,
    deleted: false,
    is_bot: false,
    reply_to: null,
    reactions: [],
    mentions: [],
    ...fields,
  }
}
