import { expect, test } from '@playwright/test'
import { chatTogether, person, say, signUp, suffix } from './support.js'

// Someone waiting on their chat list is told of news without a reload: a badge on the chat, the
// count in the title; opening the chat reads it and both go away.
test('the chat list shows news live, and opening the chat clears it', async ({ browser, baseURL }) => {
  const alice = await person(browser, baseURL)
  const bob = await person(browser, baseURL, { phone: true })
  await signUp(alice, `aliceu${suffix}`)
  await signUp(bob, `bobu${suffix}`)
  await chatTogether(alice, bob)

  // Bob goes back to his list and waits there; nothing is unread (his own join is no news to him).
  await bob.getByRole('link', { name: 'mychat' }).click()
  const chat = bob.locator('.chat-list__item').first()
  await expect(chat).toBeVisible()
  await expect(chat.locator('.chat-list__badges')).toHaveCount(0)
  await expect(bob).toHaveTitle('mychat')
  await bob.evaluate(() => (document.body.dataset.stillTheSamePage = 'yes'))

  // Alice writes twice, mentioning him once: his list says so within seconds, without a reload.
  await say(alice, 'are you there?')
  await say(alice, `@bobu${suffix} look at this`)
  await expect(chat.locator('.chat-list__badges')).toHaveAttribute('aria-label', '2 unread messages, 1 mention', {
    timeout: 8_000,
  })
  await expect(chat.locator('.chat-list__last')).toContainText('look at this')
  await expect(bob).toHaveTitle('(2) mychat')
  expect(await bob.evaluate(() => document.body.dataset.stillTheSamePage)).toBe('yes')

  // He opens the chat: the new messages are under the line, and reading them clears the badge.
  await chat.click()
  await expect(bob.getByRole('separator', { name: 'New messages' })).toBeVisible()
  await expect(bob.locator('.message', { hasText: 'look at this' })).toBeVisible()
  await expect(bob).toHaveTitle('mychat')
  await bob.getByRole('link', { name: 'mychat' }).click()
  await expect(chat).toBeVisible()
  await expect(chat.locator('.chat-list__badges')).toHaveCount(0)
  await expect(bob).toHaveTitle('mychat')

  // The mention is in his inbox, read along with the chat.
  await bob.getByRole('link', { name: /^Mentions/ }).click()
  await expect(bob.getByRole('link', { name: /mentioned you: .*look at this/ })).toBeVisible()
  await expect(bob.getByRole('button', { name: 'Mark all read' })).toBeDisabled()
})
