import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'

// The README's picture: refreshed with MYCHAT_UPDATE_SCREENSHOT=1 npm run test:e2e; other runs keep theirs in test-results/.
const readmeScreenshot = fileURLToPath(new URL('../../docs/screenshot.png', import.meta.url))
// The webServer starts on a fresh database; an external server (MYCHAT_E2E_BASE_URL) may know these names already.
const suffix = process.env.MYCHAT_E2E_BASE_URL ? `_${Date.now().toString(36)}` : ''
const password = 'correct-Horse-battery-9'

function composer(page) {
  return page.getByPlaceholder('Type a message')
}

async function say(page, text) {
  await composer(page).fill(text)
  await composer(page).press('Enter')
}

async function fillSignUp(page, username) {
  await page.getByLabel('Username', { exact: true }).fill(username)
  await page.getByLabel('Email', { exact: true }).fill(`${username}@example.com`)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign up' }).click()
}

const messageWith = (page, text) => page.locator('.message', { hasText: text })

test('two people chat by invite link, use /help, and see HTML as text', async ({ browser, baseURL }, testInfo) => {
  const aliceContext = await browser.newContext({ viewport: { width: 960, height: 720 } })
  await aliceContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
  const alice = await aliceContext.newPage()
  const bob = await (await browser.newContext({ viewport: { width: 390, height: 760 } })).newPage()

  // Alice signs up and starts a chat.
  await alice.goto('/signup')
  await fillSignUp(alice, `alice${suffix}`)
  await alice.getByRole('button', { name: 'Start chatting' }).click()
  await expect(alice).toHaveURL(/\/chats\/[^/?]+$/)
  await expect(alice.locator('.connection')).toHaveText(/live|polling/)

  await alice.getByRole('button', { name: 'Copy invite link' }).click()
  await expect(alice.getByRole('button', { name: 'Copied ✓' })).toBeVisible()
  const invite = await alice.evaluate(() => navigator.clipboard.readText())
  expect(invite).toMatch(/\/join\/[A-Za-z0-9_-]{16}$/) // the invite code, not the chat's address

  // Bob, signed out, opens the invite: he signs up first, joins, and lands in the chat.
  await bob.goto(invite)
  await expect(bob).toHaveURL(/\/signin\?redirect=/)
  await bob.getByRole('link', { name: 'Create an account' }).click()
  await fillSignUp(bob, `bob${suffix}`)
  await expect(bob).toHaveURL(alice.url())

  await say(bob, 'hello from bob')
  await expect(messageWith(alice, 'hello from bob')).toBeVisible()
  await expect(messageWith(bob, 'hello from bob')).toHaveClass(/message--mine/)
  await expect(messageWith(alice, 'hello from bob')).not.toHaveClass(/message--mine/)

  await say(alice, 'hi bob, see https://example.com/docs')
  await expect(messageWith(bob, 'hi bob').getByRole('link', { name: 'https://example.com/docs' })).toHaveAttribute(
    'rel',
    'noopener noreferrer',
  )

  // Slash command: the bot answers, and both see it as a bot.
  await say(alice, '/help')
  for (const page of [alice, bob]) {
    await expect(page.locator('.message--bot').first()).toBeVisible({ timeout: 30_000 })
  }

  // HTML is shown as the literal text, never interpreted.
  const html = '<b>bold</b><script>window.__pwned = true</script>'
  await say(bob, html)
  for (const page of [alice, bob]) {
    await expect(page.locator('.message-text', { hasText: html })).toHaveText(html)
    await expect(page.locator('.message-list b, .message-list script')).toHaveCount(0)
    expect(await page.evaluate(() => /** @type {any} */ (window).__pwned)).toBeUndefined()
  }

  const updateReadme = process.env.MYCHAT_UPDATE_SCREENSHOT === '1'
  await alice.screenshot({ path: updateReadme ? readmeScreenshot : testInfo.outputPath('chat.png') })
  await bob.screenshot({ path: testInfo.outputPath('phone.png') })
})
