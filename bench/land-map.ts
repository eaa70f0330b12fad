// The land page with every parcel of the bench base, in Debian's headless Chromium: how long until
// the map has drawn them all, and whether it stays interactive (a click opens a parcel's card, a
// zoom step redraws). Needs the built app (`npm run build`) and /usr/lib/chromium.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { answers, freePort, startServer } from './proc';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(ROOT, 'apps/api/bin/yuanqu.js');
const CHROMIUM = existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium';

export interface MapTimes {
  parcels: number;
  /** The parcels request as the page made it: time to the whole body, and its size on the wire. */
  apiMs: number;
  apiBytes: number;
  /** From navigation to the map's first complete render of every parcel. */
  firstRenderMs: number;
  /** A click on a parcel in the map until its card is shown. */
  clickToCardMs: number | null;
  /** One zoom step until the map has redrawn. */
  zoomRedrawMs: number;
}

async function rendered(page: Page, count: number, timeoutMs: number): Promise<void> {
  await page.waitForSelector(`[data-rendered-features="${count}"]`, { state: 'attached', timeout: timeoutMs });
}

async function forgetRender(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll<HTMLElement>('[data-rendered-features]').forEach((el) => delete el.dataset.renderedFeatures));
}

/** Serves `databaseUrl` with the built app and measures the land page as `username`. */
export async function measureLandMap(databaseUrl: string, username: string, password: string, parcels: number): Promise<MapTimes> {
  if (!existsSync(CHROMIUM)) throw new Error('Chromium is not installed (apt-get install chromium)');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(process.execPath, [CLI, 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    cwd: ROOT,
    ready: () => answers(`${base}/healthz`),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const context = await browser.newContext({ baseURL: base, locale: 'zh-CN', viewport: { width: 1600, height: 1000 } });
    const login = await context.request.post('/api/v1/auth/login', { data: { username, password } });
    if (login.status() !== 200) throw new Error(`login failed: ${login.status()} ${await login.text()}`);
    const page = await context.newPage();
    const response = page.waitForResponse((r) => r.url().includes('/api/v1/land/parcels'), { timeout: 120_000 });
    const t0 = performance.now();
    await page.goto('/land');
    const parcelsResponse = await response;
    await parcelsResponse.finished();
    const apiMs = performance.now() - t0;
    const { responseBodySize } = await parcelsResponse.request().sizes();
    await rendered(page, parcels, 180_000);
    const firstRenderMs = performance.now() - t0;

    const map = page.getByRole('region', { name: '地块分布图' });
    const box = (await map.boundingBox())!;
    let clickToCardMs: number | null = null;
    // The grid leaves a few metres between parcels: try a few points until one lands on a parcel.
    for (const [fx, fy] of [[0.5, 0.5], [0.45, 0.52], [0.55, 0.48], [0.4, 0.4], [0.6, 0.6]] as const) {
      const t1 = performance.now();
      await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
      const card = page.locator('.el-drawer').filter({ hasText: 'BP-' });
      if (await card.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false)) {
        clickToCardMs = performance.now() - t1;
        break;
      }
    }
    await page.keyboard.press('Escape');
    await page.locator('.el-drawer').filter({ hasText: 'BP-' }).waitFor({ state: 'hidden' });

    await forgetRender(page);
    const t2 = performance.now();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await rendered(page, parcels, 60_000);
    const zoomRedrawMs = performance.now() - t2;
    return { parcels, apiMs, apiBytes: responseBodySize, firstRenderMs, clickToCardMs, zoomRedrawMs };
  } finally {
    await browser.close();
    await server.stop();
  }
}
