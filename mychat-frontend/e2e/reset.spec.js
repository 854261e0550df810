/** Forgot the password: ask for a link by e-mail, open it, choose a new password, sign in with it. */
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { password, person, signUp, suffix } from './support.js'

// The webServer of playwright.config.js writes each mail to a file here (MYCHAT_EMAIL_FILE_PATH).
const mailDir =
  process.env.MYCHAT_E2E_MAIL_DIR ||
  (process.env.MYCHAT_E2E_BASE_URL ? '' : `/tmp/mychat-e2e-${Number(process.env.MYCHAT_E2E_PORT || 8765)}-mail`)

/** The reset link in the latest mail to `address`, or null while none has been written. */
async function latestResetLink(address) {
  const files = await readdir(mailDir).catch(() => [])
  for (const file of files.sort().reverse()) {
    const text = await readFile(path.join(mailDir, file), 'utf8')
    const link = text.includes(`To: ${address}`) && /https?:\/\/\S+?\/reset\/[\w-]+\/[\w-]+/.exec(text)
    if (link) return link[0]
  }
  return null
}

/** The reset link mailed to `address`, once it has been sent (mail leaves after the answer). */
async function resetLinkFor(address) {
  let link = null
  await expect.poll(async () => (link = await latestResetLink(address)), { timeout: 15_000 }).not.toBeNull()
  return new URL(String(link))
}

test('a person who forgot the password gets a link by e-mail and signs in with a new one', async ({
  browser,
  baseURL,
}) => {
  test.skip(!mailDir, 'the server’s mail is not readable here (set MYCHAT_E2E_MAIL_DIR)')
  const username = `forgetful${suffix}`
  const newPassword = 'a brand new passphrase 7'
  const before = await person(browser, baseURL)
  await signUp(before, username) // with the address username@example.com

  const page = await person(browser, baseURL, { phone: true }) // later, on another device, signed out
  await page.goto('/signin')
  await page.getByRole('link', { name: 'Forgot your password?' }).click()
  await page.getByLabel('Email', { exact: true }).fill(`${username}@example.com`)
  await page.getByRole('button', { name: 'Send the link' }).click()
  await expect(page.getByRole('status')).toHaveText(/If an account uses that address, we sent a link to it/)

  const link = await resetLinkFor(`${username}@example.com`)
  await page.goto(link.pathname)
  await expect(page.getByText('at least 8 characters')).toBeVisible() // the rules, before any mistake
  await page.getByLabel('New password', { exact: true }).fill(newPassword)
  await page.getByLabel('Repeat the new password', { exact: true }).fill('not the same one 8')
  await page.getByRole('button', { name: 'Save the new password' }).click()
  await expect(page.getByRole('alert')).toHaveText('The two passwords are not the same.')
  await page.getByLabel('Repeat the new password', { exact: true }).fill(newPassword)
  await page.getByRole('button', { name: 'Save the new password' }).click()
  await expect(page.getByRole('status')).toHaveText('Your password is changed. Sign in with the new one.')

  await page.getByRole('link', { name: 'Sign in' }).click()
  await page.getByLabel('Username', { exact: true }).fill(username)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toBeVisible() // the old password no longer works
  await page.getByLabel('Password', { exact: true }).fill(newPassword)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Your chats' })).toBeVisible()

  await before.reload() // the device signed in with the old password is signed out
  await expect(before.getByRole('heading', { name: 'Sign in' })).toBeVisible()
})
