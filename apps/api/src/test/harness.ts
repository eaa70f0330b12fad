import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../app';
import { loadConfig, type Config } from '../config';
import { migrateToLatest, openDatabase, type DatabaseHandle, type Db } from '../db/database';
import { DEMO_ACCOUNTS } from '../demo/demo-data';
import { loadDemo } from '../demo/seed';
import { ManualClock } from '../lib/clock';

/**
 * A real app on a real, empty database: SQLite in a temp file, or PostgreSQL when
 * TEST_DATABASE_URL is set (its public schema is dropped and rebuilt for each test file).
 */
export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  config: Config;
  clock: ManualClock;
  login(username: string, password?: string): Promise<Agent>;
  anonymous(): Agent;
  close(): Promise<void>;
}

export const T0 = new Date('2026-03-02T01:00:00Z');

export function testConfig(env: Record<string, string> = {}): Config {
  const url = process.env.TEST_DATABASE_URL ?? `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yuanqu-test-')), 'test.db')}`;
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PASSWORD_ITERATIONS: '1000', LOGIN_RATE_PER_MINUTE: '10000', DATABASE_URL: url, ...env });
}

/** Removes a test's SQLite temp directory (PostgreSQL is reset at the next start instead). */
export function removeDatabase(config: Config): void {
  if (config.database.dialect === 'sqlite') fs.rmSync(path.dirname(config.database.file), { recursive: true, force: true });
}

export async function resetDatabase(config: Config): Promise<void> {
  if (config.database.dialect !== 'postgres') return;
  const h = openDatabase(config.database);
  await sql`drop schema if exists public cascade`.execute(h.db);
  await sql`create schema public`.execute(h.db);
  await h.close();
}

/** Runs `fn` on an empty database at the latest migration, without an app, and removes it after. */
export async function withMigratedDatabase(fn: (db: Db) => Promise<void>): Promise<void> {
  const config = testConfig();
  await resetDatabase(config);
  await migrateToLatest(config.database);
  const h = openDatabase(config.database);
  try {
    await fn(h.db);
  } finally {
    await h.close();
    removeDatabase(config);
  }
}

/** Starts an app with the demo base loaded (units, 31 enterprises, seven accounts). */
export async function startTestApp(opts: { env?: Record<string, string>; demo?: boolean } = {}): Promise<TestApp> {
  const config = testConfig(opts.env);
  await resetDatabase(config);
  await migrateToLatest(config.database);
  const database = openDatabase(config.database);
  const clock = new ManualClock(T0);
  const deps = { config, db: database.db, clock };
  if (opts.demo ?? true) await loadDemo(deps);
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    database,
    config,
    clock,
    anonymous: () => new Agent(app, null, ''),
    async login(username, password) {
      const pw = password ?? DEMO_ACCOUNTS.find((a) => a.username === username)?.password ?? '';
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: pw } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name.endsWith('yuanqu_sid'))!;
      return new Agent(app, `${cookie.name}=${cookie.value}`, res.json().csrfToken);
    },
    async close() {
      await app.close();
      await database.close();
      removeDatabase(config);
    },
  };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A logged-in (or anonymous) client that sends its cookie and CSRF token like the web app does. */
export class Agent {
  constructor(
    readonly app: FastifyInstance,
    readonly cookie: string | null,
    readonly csrfToken: string,
  ) {}

  request(method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url,
      payload: payload as never,
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...(method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}), ...headers },
    });
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, payload?: unknown) {
    return this.request('POST', url, payload ?? {});
  }
  patch(url: string, payload: unknown) {
    return this.request('PATCH', url, payload);
  }

  /** Uploads a file as multipart field "file". */
  upload(url: string, file: Buffer, filename = 'upload.xlsx', headers: Record<string, string> = {}) {
    const boundary = `----yuanqu${Date.now()}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return this.request('POST', url, body, { 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers });
  }
}

/** The demo enterprise with this name fragment. */
export async function enterpriseId(t: TestApp, nameFragment: string): Promise<string> {
  const row = await t.database.db.selectFrom('enterprise').select('id').where('name', 'like', `%${nameFragment}%`).executeTakeFirstOrThrow();
  return row.id;
}
