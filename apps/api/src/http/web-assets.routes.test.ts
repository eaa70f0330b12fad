import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness';

// A built web app as the web build leaves it: hashed assets with .br and .gz copies beside them.
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'yuanqu-web-'));
const script = Buffer.from(`export const 园区 = ${JSON.stringify('企业名录'.repeat(400))};\n`);
let t: TestApp;

beforeAll(async () => {
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html lang="zh-CN"><title>园区</title><script type="module" src="/assets/index-3f9a.js"></script></html>');
  const file = path.join(dist, 'assets', 'index-3f9a.js');
  fs.writeFileSync(file, script);
  fs.writeFileSync(`${file}.br`, brotliCompressSync(script));
  fs.writeFileSync(`${file}.gz`, gzipSync(script));
  t = await startTestApp({ env: { WEB_DIST: dist }, demo: false });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) => t.app.inject({ url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('the web app’s files', () => {
  it('are sent as the smallest copy the browser accepts, and kept by it for a year', async () => {
    const br = await get('/assets/index-3f9a.js', 'gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload)).toEqual(script);
    const gz = await get('/assets/index-3f9a.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload)).toEqual(script);
    const plain = await get('/assets/index-3f9a.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload).toEqual(script);
    for (const res of [br, gz, plain]) {
      expect(res.headers['content-type']).toContain('javascript');
      expect(res.headers.vary).toContain('accept-encoding');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(br.rawPayload.length).toBeLessThan(script.length / 10);
  });

  it('keep the page itself uncached, at / and at any route of the app', async () => {
    for (const url of ['/', '/enterprises', '/evaluation/runs']) {
      const res = await get(url, 'gzip, deflate, br, zstd');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });
});
