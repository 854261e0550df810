/** Names for the API's payloads in JSDoc (`import('../api/types.js').Session`), taken from the generated schema.d.ts. */

/** @typedef {import('./schema').components['schemas']} Schemas */

/** @typedef {Schemas['Session']} Session a chat as the chat list and joining describe it */
/** @typedef {Schemas['ChatSummary']} ChatSummary a chat as the chat list shows it (and the notification socket pushes it) */
/** @typedef {Schemas['ReadState']} ReadState {uri, last_read_seq, last_seq, unread_count} */
/** @typedef {Schemas['Notification']} Notification a mention (with its message's seq) or a join */
/** @typedef {Schemas['Message']} Message */
/** @typedef {Schemas['Attachment']} Attachment a file sent with a message: {id, name, size, content_type, url, thumbnail_url, width, height} */
/** @typedef {Schemas['MessagePage']} MessagePage {uri, messages, rev, last_seq, has_more} */
/** @typedef {Schemas['PublicUser']} PublicUser {id, username, display_name, avatar_url}: how others see a user */
/** @typedef {Schemas['CurrentUser']} User the signed-in user (GET /auth/users/me/), with display_name, avatar_url, language */
/** @typedef {Schemas['PasswordRules']} PasswordRules GET /api/password-rules/: {min_length, rules: [{code, text}]} */
/** @typedef {Schemas['Command']} Command one of the bot's slash commands */
/** @typedef {Schemas['UserCreate']} UserCreate the sign-up form */
/** @typedef {Schemas['SessionCreate']} SessionCreate */
/** @typedef {Schemas['Invite']} Invite {code, url}: the app's `/join/<code>` link */
/** @typedef {Schemas['Member']} Member {user, role, joined_at} */
/** @typedef {Schemas['MemberPage']} MemberPage {count, next, previous, results: Member[]} */
/** @typedef {Schemas['RoleEnum']} Role 'owner' | 'member' */
/** @typedef {Schemas['SystemEvent']} SystemEvent what a system message tells: join, leave, remove, rename */

/** @typedef {Schemas['SearchPage']} SearchPage {results, next}: a page of GET /api/search/ */
/** @typedef {Schemas['SearchResult']} SearchResult {chat: {uri, title, kind}, message, highlights} */
/** @typedef {Schemas['Config']} Config GET /api/config/: the limits the server enforces, read from their one home */
/** @typedef {Schemas['Device']} Device a signed-in device of the caller: {id, name, created, last_used, current} */

export {}
