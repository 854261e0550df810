import { expect, test } from '@playwright/test'
import { chatTogether, composer, messageWith, person, signUp, suffix } from './support.js'

/** A PNG drawn by the browser: a red square on blue, `width` × `height`. */
async function drawnPng(page, width, height) {
  const base64 = await page.evaluate(
    ([w, h]) => {
      const canvas = document.createElement('canvas')
      canvas.width = w
      canvas.height = h
      const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'))
      context.fillStyle = '#1e4fd8'
      context.fillRect(0, 0, w, h)
      context.fillStyle = '#e0201b'
      context.fillRect(w / 4, h / 4, w / 2, h / 2)
      return canvas.toDataURL('image/png').split(',')[1]
    },
    [width, height],
  )
  return Buffer.from(base64, 'base64')
}

// One person sends a picture and a file; the other sees the thumbnail, opens it full size, and downloads the file.
test('an image and a file sent by one person reach the other', async ({ browser, baseURL }) => {
  const alice = await person(browser, baseURL)
  const bob = await person(browser, baseURL, { phone: true })
  await signUp(alice, `alicef${suffix}`)
  await signUp(bob, `bobf${suffix}`)
  await chatTogether(alice, bob)

  // Alice attaches a picture (through the attach button's file chooser) and a caption.
  const chooser = alice.waitForEvent('filechooser')
  await alice.getByRole('button', { name: 'Attach files' }).click()
  await (
    await chooser
  ).setFiles({ name: 'diagram.png', mimeType: 'image/png', buffer: await drawnPng(alice, 800, 400) })
  await expect(alice.getByText('ready')).toBeVisible()
  await composer(alice).fill('the new layout')
  await composer(alice).press('Enter')

  // Bob sees the thumbnail in its reserved box, loaded with his token.
  const picture = messageWith(bob, 'the new layout').getByRole('button', { name: 'Open diagram.png full size' })
  const thumbnail = picture.locator('img')
  await expect(thumbnail).toHaveAttribute('src', /^blob:/)
  await expect.poll(() => thumbnail.evaluate((img) => img.naturalWidth)).toBe(480) // the server's thumbnail
  await expect(thumbnail).toHaveAttribute('width', '240')
  await expect(thumbnail).toHaveAttribute('height', '120')

  // He opens it full size and closes it again with Escape.
  await picture.click()
  const viewer = bob.getByRole('dialog', { name: 'diagram.png' })
  await expect.poll(() => viewer.locator('img').evaluate((img) => img.naturalWidth)).toBe(800)
  await bob.keyboard.press('Escape')
  await expect(viewer).toHaveCount(0)

  // Alice drops a text file onto the chat and sends it without a caption; Bob downloads it.
  const dropped = await alice.evaluateHandle(() => {
    const transfer = new DataTransfer()
    transfer.items.add(new File(['agenda: ship files\n'], 'agenda.txt', { type: 'text/plain' }))
    return transfer
  })
  await alice.locator('.chat').dispatchEvent('dragenter', { dataTransfer: dropped })
  await expect(alice.getByText('Drop files to attach them')).toBeVisible()
  await alice.locator('.chat').dispatchEvent('drop', { dataTransfer: dropped })
  await expect(alice.getByText('ready')).toBeVisible()
  await alice.getByRole('button', { name: 'Send' }).click()
  const card = bob.getByRole('button', { name: /^Download agenda\.txt, 19 bytes$/ })
  await expect(card).toBeVisible()
  const download = bob.waitForEvent('download')
  await card.click()
  const saved = await download
  expect(saved.suggestedFilename()).toBe('agenda.txt')
  const stream = await saved.createReadStream()
  const chunks = []
  for await (const chunk of stream) chunks.push(chunk)
  expect(Buffer.concat(chunks).toString()).toBe('agenda: ship files\n')
})
