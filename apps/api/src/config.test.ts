import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('config', () => {
  it('defaults to port 8080 and the SQLite file under ./data', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.database).toEqual({ dialect: 'sqlite', file: expect.stringMatching(/data\/yuanqu\.db$/) });
  });

  it('picks PostgreSQL from DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@h/db' }).database).toEqual({ dialect: 'postgres', url: 'postgres://u:p@h/db' });
  });

  it('lists every bad key at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', AUDIT_RETENTION_DAYS: '90', SESSION_IDLE_MINUTES: '120' })).toThrow(
      /PORT[\s\S]*SESSION_IDLE_MINUTES[\s\S]*AUDIT_RETENTION_DAYS|PORT[\s\S]*AUDIT_RETENTION_DAYS[\s\S]*SESSION_IDLE_MINUTES/,
    );
  });

  it('refuses weak password hashing in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', PASSWORD_ITERATIONS: '1000' })).toThrow(/PASSWORD_ITERATIONS/);
    expect(loadConfig({ NODE_ENV: 'test', PASSWORD_ITERATIONS: '1000' }).password.iterations).toBe(1000);
  });
});
