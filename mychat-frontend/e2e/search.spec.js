import { expect, test } from '@playwright/test'
import { chatTogether, person, say, signUp, suffix } from './support.js'

/** Posts through the API as the signed-in person of `page` (faster than typing 120 messages). */
async function postMany(page, uri, texts) {
  await page.evaluate(
    async ({ uri, texts }) => {
      const token = localStorage.getItem('mychat.token')
      for (const message of texts) {
        const response = await fetch(`/api/chats/${uri}/messages/`, {
          method: 'POST',
          headers: { Authorization: `Token ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ message }),
        })
        if (response.status !== 201) throw new Error(`post: ${response.status}`)
      }
    },
    { uri, texts },
  )
}

// Bob, in a chat of his own, searches for a Chinese word Alice wrote long ago in another chat,
// and lands on her message there, highlighted, with the history around it.
test('a person finds a message in another chat and lands on it', async ({ browser, baseURL }) => {
  const alice = await person(browser, baseURL)
  const bob = await person(browser, baseURL, { phone: true })
  await signUp(alice, `alices${suffix}`)
  await signUp(bob, `bobs${suffix}`)
  await chatTogether(alice, bob)
  const teamUri = new URL(alice.url()).pathname.split('/').at(-1) ?? ''

  await say(alice, '会议室在三楼, room 301')
  await expect(bob.getByText('会议室在三楼, room 301')).toBeVisible()
  // Enough later talk that the message is outside the newest page (100), within the post rate limit.
  await postMany(
    alice,
    teamUri,
    Array.from({ length: 105 }, (_, i) => `later note ${i + 1}`),
  )

  // Bob goes to a chat of his own.
  await bob.goto('/')
  await bob.getByRole('button', { name: 'Start chatting' }).click()
  await expect(bob).toHaveURL(/\/chats\/[^/?]+$/)
  await expect(bob).not.toHaveURL(new RegExp(teamUri))

  // "/" outside a field opens the search (the composer has the focus: move it away first); so does Ctrl+K.
  await bob.locator('body').click({ position: { x: 5, y: 5 } })
  await bob.keyboard.press('/')
  const dialog = bob.getByRole('dialog', { name: 'Search messages' })
  await expect(dialog).toBeVisible()
  await bob.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await bob.keyboard.press('Control+k')
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('All chats').check()
  await dialog.getByLabel('Search for').fill('三楼')
  const result = dialog.locator('.search__result', { hasText: '会议室在三楼' })
  await expect(result).toBeVisible()
  await expect(result.locator('mark')).toHaveText('三楼')
  await expect(result).toContainText(`alices${suffix}`)
  await result.click()

  await expect(bob).toHaveURL(new RegExp(`/chats/${teamUri}\\?seq=\\d+$`))
  await expect(dialog).toHaveCount(0)
  const landed = bob.locator('.message', { hasText: '会议室在三楼, room 301' })
  await expect(landed).toBeInViewport()
  await expect(landed).toHaveClass(/message--highlighted/)
})
