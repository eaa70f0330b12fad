import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().default('file:./data/yuanqu.db'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set behind TLS: cookies get Secure and the __Host- prefix, and HSTS is sent. */
  COOKIE_SECURE: bool.default(false),
  TRUST_PROXY: bool.default(false),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(30).default(30),
  SESSION_IDLE_MINUTES_ADMIN: z.coerce.number().int().min(1).max(30).default(15),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(12).default(12),
  PASSWORD_ITERATIONS: z.coerce.number().int().min(1000).default(300_000),
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(90).default(90),
  LOGIN_LOCK_THRESHOLD: z.coerce.number().int().min(1).max(10).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(30),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(180, '等保 and 网络安全法 §21 require at least 180 days').default(180),
  WEB_DIST: z.string().optional(),
  /** A 天地图 browser key: the land map then shows its vector basemap and labels (tiles from *.tianditu.gov.cn). */
  TIANDITU_KEY: z.string().regex(/^[0-9a-f]{32}$/i, 'a 天地图 key is 32 hexadecimal characters').optional(),
});

export type Config = Readonly<{
  env: 'production' | 'development' | 'test';
  port: number;
  host: string;
  database: { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };
  logLevel: string;
  cookieSecure: boolean;
  trustProxy: boolean;
  session: { idleMinutes: number; idleMinutesAdmin: number; absoluteHours: number };
  password: { iterations: number; maxAgeDays: number; lockThreshold: number; lockMinutes: number; ratePerMinute: number };
  auditRetentionDays: number;
  webDist: string | undefined;
  tiandituKey: string | null;
  demo: boolean;
}>;

/** Parses the environment once; lists every bad key at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: { demo?: boolean } = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && e.PASSWORD_ITERATIONS < 300_000) {
    throw new Error('invalid configuration:\n  PASSWORD_ITERATIONS: at least 300000 in production');
  }
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: parseDatabaseUrl(e.DATABASE_URL),
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, idleMinutesAdmin: e.SESSION_IDLE_MINUTES_ADMIN, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    password: {
      iterations: e.PASSWORD_ITERATIONS,
      maxAgeDays: e.PASSWORD_MAX_AGE_DAYS,
      lockThreshold: e.LOGIN_LOCK_THRESHOLD,
      lockMinutes: e.LOGIN_LOCK_MINUTES,
      ratePerMinute: e.LOGIN_RATE_PER_MINUTE,
    },
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    webDist: e.WEB_DIST,
    tiandituKey: e.TIANDITU_KEY ?? null,
    demo: overrides.demo ?? false,
  });
}

function parseDatabaseUrl(url: string): Config['database'] {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { dialect: 'postgres', url };
  const file = url.startsWith('file:') ? url.slice('file:'.length) : url;
  return { dialect: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
}
