/** Names for the API's payloads in JSDoc (`import('../api/types.js').Config`). */

/**
 * GET /api/config/: the limits the server enforces, read from their one home in the backend.
 * @typedef {object} Config
 * @property {number} message_max_length
 * @property {number} title_max_length
 * @property {string} bot_username
 */

export {}
