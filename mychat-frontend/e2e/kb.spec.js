import { expect, test } from '@playwright/test'
import { chatTogether, composer, messageWith, person, say, signUp, suffix } from './support.js'

const HANDBOOK = [
  '# Lab handbook',
  '',
  '## Borrowing the oscilloscope',
  '',
  'The oscilloscope is kept in cabinet 7B. Write your name in the blue ledger and bring it back before 18:00.',
  '',
  '## Printing posters',
  '',
  'Posters are printed on the plotter in room 204.',
  '',
].join('\n')

// A chat's own knowledge: Alice sends a Markdown document and replies to it with /kb add; Bob asks the bot,
// which answers from that document and links to the message that carried it.
test('a document added to a chat with /kb add answers its members', async ({ browser, baseURL }) => {
  const alice = await person(browser, baseURL)
  const bob = await person(browser, baseURL)
  await signUp(alice, `alicek${suffix}`)
  await signUp(bob, `bobk${suffix}`)
  await chatTogether(alice, bob)

  // Alice attaches the handbook (through the attach button's file chooser) and sends it.
  const chooser = alice.waitForEvent('filechooser')
  await alice.getByRole('button', { name: 'Attach files' }).click()
  await (await chooser).setFiles({ name: 'lab-handbook.md', mimeType: 'text/markdown', buffer: Buffer.from(HANDBOOK) })
  await expect(alice.getByText('ready')).toBeVisible()
  await composer(alice).fill('our lab rules')
  await composer(alice).press('Enter')

  // She replies to it with /kb add; the bot says what it added and how to ask.
  const carrier = messageWith(alice, 'our lab rules')
  await expect(carrier.getByRole('button', { name: /^Download lab-handbook\.md/ })).toBeVisible()
  await carrier.hover()
  await carrier.getByRole('button', { name: 'Reply' }).click()
  await say(alice, '/kb add')
  const added = messageWith(alice, "Added to this chat's documents")
  await expect(added).toContainText('lab-handbook.md — Lab handbook (2 passages)')
  await expect(added).toContainText('/ask <question>')

  // Bob asks; the answer comes from the handbook, with a link to the message that carried it.
  await say(bob, '/ask where is the oscilloscope kept?')
  const answer = messageWith(bob, 'cabinet 7B')
  await expect(answer).toContainText("this chat's documents")
  const link = answer.getByRole('link', { name: 'lab-handbook.md › Borrowing the oscilloscope' })
  const chat = new URL(bob.url()).pathname
  await expect(link).toHaveAttribute('href', new RegExp(`^${chat}\\?seq=\\d+$`))

  // The link opens the chat at that message.
  const href = /** @type {string} */ (await link.getAttribute('href'))
  await bob.goto(href)
  const landed = bob.locator(`.message[data-seq="${new URL(href, baseURL).searchParams.get('seq')}"]`)
  await expect(landed).toContainText('our lab rules')
  await expect(landed).toBeInViewport()
  await expect(landed).toHaveClass(/message--highlighted/)
})

// Marked at upload: Alice ticks "Add to the bot's knowledge" under the file she sends; the app replies to her
// message with /kb add by itself, and Bob gets answers from the document.
test("a document marked for the bot's knowledge at upload answers the chat", async ({ browser, baseURL }) => {
  const alice = await person(browser, baseURL)
  const bob = await person(browser, baseURL)
  await signUp(alice, `alicet${suffix}`)
  await signUp(bob, `bobt${suffix}`)
  await chatTogether(alice, bob)

  const chooser = alice.waitForEvent('filechooser')
  await alice.getByRole('button', { name: 'Attach files' }).click()
  await (await chooser).setFiles({ name: 'lab-handbook.md', mimeType: 'text/markdown', buffer: Buffer.from(HANDBOOK) })
  await expect(alice.getByText('ready')).toBeVisible()
  const toggle = alice.getByRole('checkbox', { name: "Add to the bot's knowledge" })
  await expect(toggle).not.toBeChecked()
  await toggle.check()
  await composer(alice).fill('the handbook, for the bot')
  await composer(alice).press('Enter')

  const added = messageWith(alice, "Added to this chat's documents")
  await expect(added).toContainText('lab-handbook.md — Lab handbook (2 passages)')
  await expect(messageWith(alice, '/kb add')).toContainText('the handbook, for the bot') // it replies to the file

  await say(bob, '/ask where is the oscilloscope kept?')
  await expect(messageWith(bob, 'cabinet 7B')).toContainText("this chat's documents")
})
