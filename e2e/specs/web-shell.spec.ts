import { expect, test, type Response } from '@playwright/test';
import { logIn, mainMenu } from '../helpers/session';

test('the app’s scripts and styles reach the browser brotli-compressed and are kept for a year; its data pages are gzipped', async ({ page }) => {
  const assets: Response[] = [];
  const lists: Response[] = [];
  page.on('response', (r) => {
    const { pathname } = new URL(r.url());
    if (pathname.startsWith('/assets/')) assets.push(r);
    if (pathname === '/api/v1/enterprises') lists.push(r);
  });
  await logIn(page, 'stats');
  await mainMenu(page).getByRole('menuitem', { name: '企业库' }).click();
  await expect(page.getByText(/^共 \d+ 家$/)).toBeVisible();

  const scripts = [];
  for (const r of assets) {
    const headers = await r.allHeaders();
    expect(headers['cache-control'], r.url()).toBe('public, max-age=31536000, immutable');
    if (/\/index-[^/]+\.js$/.test(r.url()) || /\/echarts-[^/]+\.js$/.test(r.url())) scripts.push(headers['content-encoding']);
  }
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((encoding) => encoding === 'br')).toBe(true);
  expect(lists.length).toBeGreaterThan(0);
  for (const r of lists) expect((await r.allHeaders())['content-encoding']).toBe('gzip');
});
