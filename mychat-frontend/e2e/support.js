/** What the browser tests share: people signing up, starting and joining chats, saying things. */
import { expect } from '@playwright/test'

// The webServer starts on a fresh database; an external server (MYCHAT_E2E_BASE_URL) may know these names already.
export const suffix = process.env.MYCHAT_E2E_BASE_URL ? `_${Date.now().toString(36)}` : ''
export const password = 'correct-Horse-battery-9'

/** A person in a browser context of their own (desktop, or a phone-sized screen). */
export async function person(browser, baseURL, { phone = false } = {}) {
  const context = await browser.newContext({
    viewport: phone ? { width: 360, height: 740 } : { width: 960, height: 720 },
    hasTouch: phone, // a phone has no hover: its actions sit under ⋯
  })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
  return context.newPage()
}

export async function signUp(page, username) {
  await page.goto('/signup')
  await page.getByLabel('Username', { exact: true }).fill(username)
  await page.getByLabel('Email', { exact: true }).fill(`${username}@example.com`)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign up' }).click()
  await expect(page.getByRole('heading', { name: 'Your chats' })).toBeVisible()
}

export async function copyInvite(page) {
  await page.getByRole('button', { name: 'Copy invite link' }).click()
  await expect(page.getByRole('button', { name: 'Copied ✓' })).toBeVisible()
  return page.evaluate(() => navigator.clipboard.readText())
}

/** The owner starts a chat and the guest joins it by its invite link; both end up in it. */
export async function chatTogether(owner, guest) {
  await owner.getByRole('button', { name: 'Start chatting' }).click()
  await expect(owner).toHaveURL(/\/chats\/[^/?]+$/)
  const invite = await copyInvite(owner)
  await guest.goto(invite)
  await expect(guest).toHaveURL(owner.url())
}

export const composer = (page) => page.getByPlaceholder('Type a message')

export async function say(page, text) {
  await composer(page).fill(text)
  await composer(page).press('Enter')
}

export const messageWith = (page, text) => page.locator('.message', { hasText: text })
