import { expect, test } from '@playwright/test'
import { chatTogether, messageWith, person, say, signUp, suffix } from './support.js'

// A 48 x 32 red PNG: the server crops it to a square and stores a new WebP.
const PICTURE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAADAAAAAgCAIAAADbtmxLAAAAP0lEQVR4nO3OMQHAIADAMEDNROBfBWL27+nJjkRB5tnP+JN1O/AlVISKUBEqQkWoCBWhIlSEilARKkJFqAiVF/28AYCJ+3weAAAAAElFTkSuQmCC',
  'base64',
)

test('Alice names herself and shows her picture; Bob sees them; her page switches to Japanese at once', async ({
  browser,
  baseURL,
}) => {
  const alice = await person(browser, baseURL)
  const bob = await person(browser, baseURL, { phone: true })
  await signUp(alice, `alice_p${suffix}`)
  await signUp(bob, `bob_p${suffix}`)
  await chatTogether(alice, bob)
  const chatUrl = alice.url()
  await say(alice, 'hello from alice')
  await expect(messageWith(bob, 'hello from alice').locator('.message__author')).toHaveText(`alice_p${suffix}`)

  // Alice opens her profile from her name in the header, and chooses a name and a picture.
  await alice.getByRole('link', { name: `alice_p${suffix}` }).click()
  await expect(alice).toHaveURL(/\/profile$/)
  await expect(alice.getByRole('heading', { name: 'Your profile' })).toBeVisible()
  await alice.getByRole('textbox', { name: 'Display name' }).fill('Alice Liddell')
  await alice.getByRole('button', { name: 'Save' }).click()
  await expect(alice.getByText('Saved.')).toBeVisible()
  await expect(alice.getByRole('link', { name: 'Alice Liddell' })).toBeVisible() // the header follows

  await alice.locator('input[type=file]').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: PICTURE })
  await expect(alice.getByRole('img', { name: 'Your new picture (not saved yet)' })).toBeVisible()
  await alice.getByRole('button', { name: 'Use this picture' }).click()
  await expect(alice.getByText('Your picture is saved.')).toBeVisible()
  const picture = alice.getByRole('img', { name: 'Your picture' })
  await expect(picture).toHaveAttribute('src', /^\/api\/avatars\/[A-Za-z0-9_-]{32}\.webp$/)
  const pictureUrl = await picture.getAttribute('src')

  // Bob, reloading the chat, sees her new name and picture on the message she sent before.
  await bob.goto(chatUrl)
  const message = messageWith(bob, 'hello from alice')
  await expect(message.locator('.message__author')).toHaveText('Alice Liddell')
  await expect(message.locator('img.avatar')).toHaveAttribute('src', pictureUrl ?? '')
  await expect
    .poll(() => message.locator('img.avatar').evaluate((image) => /** @type {HTMLImageElement} */ (image).naturalWidth))
    .toBe(32) // the picture loads without a token, cropped to a square of its shorter side

  // Alice switches her app to Japanese: the page changes at once, without a reload.
  await alice.evaluate(() => Object.assign(window, { notReloaded: true }))
  await alice.getByLabel('Language of the app').selectOption('ja')
  await expect(alice.getByRole('heading', { name: 'プロフィール', level: 1 })).toBeVisible()
  await expect(alice.getByRole('heading', { name: 'パスワードの変更' })).toBeVisible()
  expect(await alice.evaluate(() => 'notReloaded' in window)).toBe(true)
  await expect(alice.getByText('言語を保存しました。')).toBeVisible()
})
