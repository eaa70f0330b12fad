import { expect, test } from '@playwright/test';

test('GET /healthz answers {"status":"ok"}', async ({ page, request }) => {
  const res = await request.get('/healthz');
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: 'ok' });

  // and the browser itself reaches the server
  const nav = await page.goto('/healthz');
  expect(nav?.ok()).toBe(true);
  expect(JSON.parse(await page.locator('body').innerText())).toMatchObject({ status: 'ok' });
});
