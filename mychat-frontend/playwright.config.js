/** Browser test against the real backend: Debian's Chromium, and a throwaway SQLite database. */
import { defineConfig } from '@playwright/test'

const port = Number(process.env.MYCHAT_E2E_PORT || 8765)
const database = `/tmp/mychat-e2e-${port}.sqlite3`
const media = `/tmp/mychat-e2e-${port}-media` // uploaded files, thrown away with the database
const mail = `/tmp/mychat-e2e-${port}-mail` // the server's mails, one file each (e2e/reset.spec.js reads them)
// MYCHAT_E2E_BASE_URL points the test at a server that is already running (no webServer is started).
const externalServer = process.env.MYCHAT_E2E_BASE_URL

export default defineConfig({
  testDir: './e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: 'list',
  use: {
    baseURL: externalServer || `http://127.0.0.1:${port}`,
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      // A test tool's own browser download fails here: use the system's Chromium.
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: externalServer
    ? undefined
    : {
        // Every person of every test signs up and logs in from one address, as a class behind one
        // school NAT does: the per-address limits are raised for it (not turned off).
        // `make serve` migrates, loads docs/ into the bot's knowledge base and runs the ASGI server in the foreground.
        command: `rm -rf ${database} ${database}-wal ${database}-shm ${media} ${mail} && make -C .. serve PORT=${port} MYCHAT_SIGNUP_RATE=600/hour MYCHAT_LOGIN_RATE=100/min DATABASE_URL=sqlite:///${database} MYCHAT_MEDIA_DIR=${media} MYCHAT_EMAIL_FILE_PATH=${mail}`,
        url: `http://127.0.0.1:${port}/healthz`,
        reuseExistingServer: false,
        timeout: 180_000,
        stdout: 'pipe',
        stderr: 'pipe',
      },
})
