import { expect, test } from '@playwright/test'

// Chat management in two browsers: the owner renames the chat, removes a member (who is then told
// the chat is not theirs to see) and resets the invite link (the old one then says it is not valid).
const suffix = process.env.MYCHAT_E2E_BASE_URL ? `_${Date.now().toString(36)}` : ''
const password = 'correct-Horse-battery-9'

async function signUp(page, username) {
  await page.goto('/signup')
  await page.getByLabel('Username', { exact: true }).fill(username)
  await page.getByLabel('Email', { exact: true }).fill(`${username}@example.com`)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign up' }).click()
  await expect(page.getByRole('heading', { name: 'Your chats' })).toBeVisible()
}

async function copyInvite(page) {
  await page.getByRole('button', { name: 'Copy invite link' }).click()
  await expect(page.getByRole('button', { name: 'Copied ✓' })).toBeVisible()
  return page.evaluate(() => navigator.clipboard.readText())
}

test('the owner renames, removes a member and resets the invite link', async ({ browser, baseURL }) => {
  const aliceContext = await browser.newContext({ viewport: { width: 960, height: 720 } })
  await aliceContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
  const alice = await aliceContext.newPage()
  const bob = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage()
  const bobName = `bobm${suffix}`

  // Alice starts a named chat and renames it in place.
  await signUp(alice, `alicem${suffix}`)
  await alice.getByLabel('Name this chat').fill('Study group')
  await alice.getByRole('button', { name: 'Start chatting' }).click()
  await expect(alice.getByRole('heading', { level: 1 })).toHaveText('Study group')
  await alice.getByRole('button', { name: 'Rename' }).click()
  await alice.getByLabel('Chat name').fill('Team')
  await alice.getByLabel('Chat name').press('Enter')
  await expect(alice.getByRole('heading', { level: 1 })).toHaveText('Team')
  const chatUrl = alice.url()

  // Bob joins with the invite link and sees the new name and the rename told in the chat.
  const oldInvite = await copyInvite(alice)
  await signUp(bob, bobName)
  await bob.goto(oldInvite)
  await expect(bob).toHaveURL(chatUrl)
  await expect(bob.getByRole('heading', { level: 1 })).toHaveText('Team')
  await expect(bob.locator('.system-message', { hasText: 'renamed the chat to “Team”' })).toBeVisible()
  await expect(alice.locator('.system-message', { hasText: `${bobName} joined` })).toBeVisible()
  await expect(alice.getByRole('button', { name: /2 members/ })).toBeVisible()

  // Alice removes Bob from the member panel; Bob's open page says the chat is not his to see.
  await alice.getByRole('button', { name: /2 members/ }).click()
  const panel = alice.getByRole('dialog')
  await expect(panel.locator('.member', { hasText: bobName })).toContainText('Member')
  await panel.locator('.member', { hasText: bobName }).getByRole('button', { name: 'Remove' }).click()
  await panel.getByRole('button', { name: `Remove ${bobName}` }).click()
  await expect(panel.getByRole('status')).toHaveText(
    `${bobName} was removed. The invite link was reset too (they had seen it): share the new one.`,
  )
  await expect(bob.getByText('This chat does not exist or you are not in it')).toBeVisible()
  await bob.getByRole('link', { name: 'Back to your chats' }).click()
  await expect(bob.getByText('No chats yet')).toBeVisible() // the chat is gone from his list

  // Alice resets the link: the old one no longer lets Bob in, the new one does.
  await panel.getByRole('button', { name: 'Reset invite link' }).click()
  await panel.getByRole('button', { name: 'Reset link' }).click()
  await expect(panel.getByRole('status')).toContainText('the old one no longer works')
  await panel.getByRole('button', { name: 'Close' }).click()
  await expect(alice.getByRole('dialog')).toHaveCount(0)
  const newInvite = await copyInvite(alice)
  expect(newInvite).not.toBe(oldInvite)

  await bob.goto(oldInvite)
  await expect(bob.getByRole('alert')).toHaveText('This invite link is not valid (it may have been reset).')
  await bob.goto(chatUrl) // nor does the chat's own address
  await expect(bob.getByText('This chat does not exist or you are not in it')).toBeVisible()
  await bob.goto(newInvite)
  await expect(bob).toHaveURL(chatUrl)
  await expect(bob.getByRole('heading', { level: 1 })).toHaveText('Team')
})
