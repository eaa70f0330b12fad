import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium (apt-get install chromium); never a downloaded browser.
// /usr/lib/chromium/chromium is the binary itself; /usr/bin/chromium is a shell wrapper.
const chromiumPath = existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium';
// E2E_PORT lets two checkouts run the suite side by side.
const PORT = Number(process.env.E2E_PORT ?? 8181);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: './specs',
  outputDir: '../.tmp/e2e-results',
  forbidOnly: !!process.env.CI,
  workers: 1,
  retries: 0,
  // The story specs sign in two or three accounts in turn: about 30 s on a busy 2-core machine.
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: '../.tmp/reports/e2e.json' }]],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--headless',
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
    },
  ],
  // Started before any globalSetup, so the fresh database is made here. Paths are relative to e2e/.
  webServer: {
    command: 'rm -rf ../.tmp/e2e && mkdir -p ../.tmp/e2e && exec node ../apps/api/bin/yuanqu.js serve --demo',
    cwd: '.',
    // The suite logs in through the form about twenty times a minute from one address; the
    // production limit (10 a minute per IP) would answer 429 half-way. Lockout stays at its default.
    env: { PORT: String(PORT), DATABASE_URL: 'file:../.tmp/e2e/yuanqu.db', NODE_ENV: 'test', LOG_LEVEL: 'warn', LOGIN_RATE_PER_MINUTE: '200' },
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
