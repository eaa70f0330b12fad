import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { registerErrorHandler } from './error-handler';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yuanqu-busy-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the error handler', () => {
  it('answers a save refused because another process holds SQLite’s writer with 503 BUSY and when to retry, not an internal error', async () => {
    const file = path.join(dir, 'busy.db');
    const importer = new SQLite(file);
    importer.pragma('journal_mode = WAL');
    importer.exec('create table t (v text)');
    const server = new SQLite(file);
    server.pragma('busy_timeout = 0');
    const app = Fastify();
    registerErrorHandler(app);
    app.post('/save', async () => {
      server.prepare('insert into t values (?)').run('保存');
      return { ok: true };
    });
    importer.exec('begin immediate');
    try {
      const res = await app.inject({ method: 'POST', url: '/save' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json().error).toMatchObject({ code: 'BUSY' });
    } finally {
      importer.exec('rollback');
    }
    expect((await app.inject({ method: 'POST', url: '/save' })).statusCode).toBe(200);
    await app.close();
    server.close();
    importer.close();
  });
});
