import { expect, test } from '@playwright/test'
import { chatTogether, composer, messageWith, person, say, signUp, suffix } from './support.js'

// Messages that change, seen by the other person without a reload: an edit, a reaction, a reply,
// Markdown, and a delete.
test('an edit, a reaction, a reply and a delete reach the other person', async ({ browser, baseURL }) => {
  const alice = await person(browser, baseURL)
  const bob = await person(browser, baseURL, { phone: true })
  await signUp(alice, `alicex${suffix}`)
  await signUp(bob, `bobx${suffix}`)
  await chatTogether(alice, bob)

  // Alice writes with a typo and Markdown; Bob sees it rendered.
  await say(alice, 'meet at **noon** in room 12O')
  await expect(messageWith(bob, 'room 12O').locator('strong')).toHaveText('noon')

  // Up arrow in the empty composer edits her last message; Bob sees the fix, marked as edited.
  await composer(alice).press('ArrowUp')
  const editor = alice.getByLabel('Edit message')
  await editor.fill('meet at **noon** in room 120')
  await editor.press('Enter')
  await expect(messageWith(bob, 'room 120')).toContainText('(edited)')
  await expect(messageWith(bob, 'room 12O')).toHaveCount(0)

  // Bob reacts (on a phone: through ⋯); Alice sees the count and who it was.
  const bobsView = messageWith(bob, 'room 120')
  await bobsView.getByRole('button', { name: 'More actions' }).click()
  await bobsView.getByRole('button', { name: 'Add reaction' }).click()
  await bob.getByRole('button', { name: 'React with 👍' }).click()
  const reaction = messageWith(alice, 'room 120').getByRole('button', { name: /👍 1/ })
  await expect(reaction).toBeVisible()
  await expect(reaction).toHaveAttribute('title', new RegExp(`bobx${suffix}`))

  // Bob replies to it; Alice sees the quote.
  await bobsView.getByRole('button', { name: 'More actions' }).click()
  await bobsView.getByRole('button', { name: 'Reply' }).click()
  await say(bob, 'see you there')
  await expect(messageWith(alice, 'see you there').locator('.reply-quote')).toContainText('room 120')

  // Alice deletes her message; Bob sees a tombstone, and the quote says the original is gone.
  const alicesView = messageWith(alice, 'room 120').first()
  await alicesView.hover()
  await alicesView.getByRole('button', { name: 'Delete' }).click()
  await alice.getByRole('alertdialog', { name: 'Delete message' }).getByRole('button', { name: 'Delete' }).click()
  await expect(bob.locator('.message--deleted')).toContainText('message deleted')
  await expect(messageWith(bob, 'see you there').locator('.reply-quote')).toContainText('deleted message')
  await expect(bob.getByText('room 120')).toHaveCount(0)
})
