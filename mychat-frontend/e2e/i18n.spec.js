/** The app in five languages: the sign-in page in each, the browser's language by default, a sign-in in Japanese, and the API's refusals in the reader's language. */
import { expect, test } from '@playwright/test'
import { password, suffix } from './support.js'

const LANGUAGES = [
  { code: 'en', name: 'English', title: 'Sign in', username: 'Username', password: 'Password', switcher: 'Language' },
  { code: 'zh-CN', name: '简体中文', title: '登录', username: '用户名', password: '密码', switcher: '语言' },
  { code: 'zh-TW', name: '繁體中文', title: '登入', username: '使用者名稱', password: '密碼', switcher: '語言' },
  { code: 'ja', name: '日本語', title: 'ログイン', username: 'ユーザー名', password: 'パスワード', switcher: '言語' },
  { code: 'ko', name: '한국어', title: '로그인', username: '사용자 이름', password: '비밀번호', switcher: '언어' },
]

/** A browser whose own language is `locale` (navigator.languages, Accept-Language). */
async function browserIn(browser, locale) {
  const context = await browser.newContext({ locale, viewport: { width: 960, height: 720 } })
  return context.newPage()
}

test('the sign-in page in each language: switched in place, <html lang> follows, remembered on this device', async ({
  browser,
}) => {
  const page = await browserIn(browser, 'en-US')
  await page.goto('/signin')
  for (const language of LANGUAGES) {
    await page.getByRole('combobox').selectOption(language.code)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(language.title)
    await expect(page.getByLabel(language.username, { exact: true })).toBeVisible()
    await expect(page.getByLabel(language.password, { exact: true })).toBeVisible()
    await expect(page.getByLabel(language.switcher)).toHaveValue(language.code)
    await expect(page.locator('html')).toHaveAttribute('lang', language.code)
  }
  await page.getByRole('combobox').selectOption('zh-TW')
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('登入')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW')
  await page.context().close()
})

test("a first visit speaks the browser's language", async ({ browser }) => {
  for (const [locale, title] of [
    ['ko-KR', '로그인'],
    ['zh-HK', '登入'],
    ['zh-SG', '登录'],
    ['fr-FR', 'Sign in'],
  ]) {
    const page = await browserIn(browser, locale)
    await page.goto('/signin')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
    await page.context().close()
  }
})

test("signing in in Japanese shows the app in Japanese, and the API's refusals too", async ({ browser }) => {
  const page = await browserIn(browser, 'en-US')
  const username = `hanako${suffix}`
  await page.goto('/signup')
  await page.getByRole('combobox').selectOption('ja')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('アカウントを作成')

  // A 400 from the API (Django's password validator), in the language the app asked for.
  await page.getByLabel('ユーザー名', { exact: true }).fill(username)
  await page.getByLabel('パスワード', { exact: true }).fill('password')
  await page.getByRole('button', { name: '登録' }).click()
  await expect(page.getByText('このパスワードは一般的すぎます。')).toBeVisible()

  await page.getByLabel('パスワード', { exact: true }).fill(password)
  await page.getByRole('button', { name: '登録' }).click()
  await expect(page.getByRole('heading', { name: 'あなたのチャット' })).toBeVisible()
  await page.getByRole('button', { name: 'ログアウト' }).click()

  // Djoser's refusal of a wrong password, in Japanese.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ログイン')
  await page.getByLabel('ユーザー名', { exact: true }).fill(username)
  await page.getByLabel('パスワード', { exact: true }).fill('not-the-password-1')
  await page.getByRole('button', { name: 'ログイン' }).click()
  await expect(page.getByRole('alert')).toHaveText('ユーザー名またはパスワードが正しくないため、ログインできません。')

  await page.getByLabel('パスワード', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'ログイン' }).click()
  await expect(page.getByRole('heading', { name: 'あなたのチャット' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
  await page.getByRole('button', { name: 'チャットを始める' }).click()
  await expect(page.getByPlaceholder('メッセージを入力')).toBeVisible()
  await expect(page.getByRole('button', { name: 'メンバー 1 人' })).toBeVisible()
  await expect(page.getByRole('button', { name: '招待リンクをコピー' })).toBeVisible()
  await page.context().close()
})
