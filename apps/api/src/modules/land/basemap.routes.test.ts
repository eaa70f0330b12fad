import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness';

const KEY = '0123456789abcdef0123456789abcdef';
const apps: TestApp[] = [];
afterAll(async () => {
  for (const t of apps) await t.close();
});

describe('the optional 天地图 basemap', () => {
  it('is offered with its key, and its tile hosts allowed as images, only when TIANDITU_KEY is set', async () => {
    const plain = await startTestApp({ demo: true });
    apps.push(plain);
    const none = await (await plain.login('leader')).get('/api/v1/land/basemap');
    expect(none.json()).toEqual({ provider: null, key: null });
    expect(none.headers['content-security-policy']).not.toContain('tianditu');

    const withKey = await startTestApp({ env: { TIANDITU_KEY: KEY } });
    apps.push(withKey);
    const res = await (await withKey.login('leader')).get('/api/v1/land/basemap');
    expect(res.json()).toEqual({ provider: 'tianditu', key: KEY });
    expect(res.headers['content-security-policy']).toContain("img-src 'self' data: blob: https://*.tianditu.gov.cn;");
  });

  it('refuses a malformed key at start-up', async () => {
    await expect(startTestApp({ env: { TIANDITU_KEY: 'not-a-key' } })).rejects.toThrow(/TIANDITU_KEY/);
  });
});
