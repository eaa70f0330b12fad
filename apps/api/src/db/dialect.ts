import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CompiledQuery, PostgresDialect, SqliteDialect, sql, type Dialect, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Config } from '../config';
import type { Database } from './schema';
import { SqlitePairDialect } from './sqlite-pair';

// The only place that knows which database is behind Kysely.

// pg returns int8 (count(*), sums) as strings; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

export interface DialectHandle {
  dialect: Dialect;
  /** The raw SQLite connection, for pragmas and the online backup API (cli/backup). */
  sqlite?: SQLite.Database;
  /** Runs a compiled SELECT through the driver itself, rows as arrays of values (`selectArrays`). */
  arrays: (db: Kysely<Database>, query: CompiledQuery) => Promise<unknown[][]>;
  /** Runs a compiled write unless it would wait for the writer (`writeIfFree`). */
  writeIfFree: (db: Kysely<Database>, query: CompiledQuery) => Promise<boolean>;
}

/** How long a SQLite write waits for another process's lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/** A write on a connection that Kysely takes in turns itself (PostgreSQL's pool, SQLite :memory:): it is run. */
const writeNow = async (db: Kysely<Database>, query: CompiledQuery) => {
  await db.executeQuery(query);
  return true;
};

export function createDialect(database: Config['database']): DialectHandle {
  if (database.dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    const arrays = async (_db: Kysely<Database>, q: CompiledQuery) => (await pool.query({ text: q.sql, values: [...q.parameters], rowMode: 'array' })).rows as unknown[][];
    return { dialect: new PostgresDialect({ pool }), arrays, writeIfFree: writeNow };
  }
  const memory = database.file === ':memory:';
  if (!memory) fs.mkdirSync(path.dirname(database.file), { recursive: true });
  const sqlite = new SQLite(database.file);
  // WAL for concurrent readers, FULL so an acknowledged commit survives power loss,
  // foreign keys because SQLite leaves them off per connection.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (memory) {
    // A second connection to :memory: would be another database: one connection, Kysely's own driver.
    const rawStatement = statementCache(sqlite, true);
    const arrays = (db: Kysely<Database>, q: CompiledQuery) => db.connection().execute(async () => rawStatement(q.sql).all(...q.parameters) as unknown[][]);
    return { dialect: new SqliteDialect({ database: { close: () => sqlite.close(), prepare: statementCache(sqlite, false) } }), sqlite, arrays, writeIfFree: writeNow };
  }
  const reader = new SQLite(database.file, { readonly: true });
  reader.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const rawStatement = statementCache(reader, true);
  const arrays = async (_db: Kysely<Database>, q: CompiledQuery) => rawStatement(q.sql).all(...q.parameters) as unknown[][];
  const close = () => {
    reader.close();
    sqlite.close();
  };
  const withoutWaiting = <T>(fn: () => T): T => {
    sqlite.pragma('busy_timeout = 0');
    try {
      return fn();
    } finally {
      sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  };
  const pair = new SqlitePairDialect({ write: statementCache(sqlite, false), read: statementCache(reader, false), withoutWaiting, close });
  const writeIfFree = async (_db: Kysely<Database>, q: CompiledQuery) => pair.writeIfFree(q.sql, q.parameters);
  return { dialect: pair, sqlite, arrays, writeIfFree };
}

/**
 * Kysely prepares every SQLite statement anew; the list endpoint's five queries spent more time
 * in `prepare` than in running. Statements are kept by SQL text (most recent 500). Reuse is safe
 * because better-sqlite3 runs each statement to completion synchronously; Kysely's streaming
 * (`stmt.iterate`), which would hold a statement open, is not used by this product. `raw`
 * statements answer rows as arrays (kept apart: the mode belongs to the statement).
 */
function statementCache(sqlite: SQLite.Database, raw: boolean): (text: string) => SQLite.Statement {
  const cache = new Map<string, SQLite.Statement>();
  return (text) => {
    let stmt = cache.get(text);
    if (stmt) {
      cache.delete(text);
    } else {
      stmt = sqlite.prepare(text);
      if (raw) stmt.raw(true);
      if (cache.size >= 500) cache.delete(cache.keys().next().value!);
    }
    cache.set(text, stmt);
    return stmt;
  };
}

const handles = new WeakMap<Kysely<Database>, DialectHandle>();

/** Ties a Kysely instance to the handle it was built on (database.ts does this once per open). */
export function attachHandle(db: Kysely<Database>, handle: DialectHandle): void {
  handles.set(db, handle);
}

/**
 * The rows of a compiled SELECT as arrays of values in select order, from the driver itself: no
 * object per row and no CamelCasePlugin renaming of every key. For a hot page of many rows (the
 * enterprise list's 50 × 16 values: better-sqlite3 alone spent 200 µs building them as objects,
 * 120 µs as arrays). Not for transactions: it runs on the database, as a plain query would.
 */
export function selectArrays(db: Kysely<Database>, query: CompiledQuery): Promise<unknown[][]> {
  const handle = handles.get(db);
  if (!handle) throw new Error('selectArrays needs a database opened with openDatabase');
  return handle.arrays(db, query);
}

/**
 * Runs a write now if the database can take it without waiting, else not at all (false): for
 * bookkeeping that a later request repeats, such as a session's last activity, which must not hold
 * a page up while an import has SQLite's writer (in this process or another). On PostgreSQL, and
 * on an in-memory SQLite, it is simply run.
 */
export function writeIfFree(db: Kysely<Database>, query: CompiledQuery): Promise<boolean> {
  const handle = handles.get(db);
  if (!handle) throw new Error('writeIfFree needs a database opened with openDatabase');
  return handle.writeIfFree(db, query);
}

/**
 * `column IN (the strings of a JSON array bound as one parameter)`: the SQL text is the same for a
 * list of any length, so a query using it can be compiled once (`compiledOnce`). SQLite reads the
 * array with json_each, PostgreSQL with json_array_elements_text; both search the column's index.
 */
export function inJsonList(db: Kysely<Database>, column: string, json: string): RawBuilder<boolean> {
  return isPostgres(db)
    ? sql<boolean>`${sql.ref(column)} in (select json_array_elements_text(${json}::json))`
    : sql<boolean>`${sql.ref(column)} in (select value from json_each(${json}))`;
}

/** A case-insensitive LIKE operator for the dialect. */
export function likeOperator(database: Config['database']): 'like' | 'ilike' {
  return database.dialect === 'postgres' ? 'ilike' : 'like';
}

/** Whether a Kysely instance speaks PostgreSQL (numbered `$n` placeholders), read from Kysely itself. */
export const isPostgres = (db: Kysely<Database> | Transaction<Database>): boolean => sql`${0}`.compile(db).sql !== '?';

/**
 * A JSON object the database builds from columns, `{ key: column, … }` in the order given
 * (SQLite `json_object`, PostgreSQL `json_build_object`; at most 50 pairs). Read it back with
 * `jsonValue`. Both print integers as integers and doubles so that they parse to the same double.
 */
export function jsonObject(db: Kysely<Database>, pairs: readonly (readonly [key: string, column: string])[]): RawBuilder<unknown> {
  const fn = isPostgres(db) ? sql.raw('json_build_object') : sql.raw('json_object');
  return sql`${fn}(${sql.join(pairs.map(([key, column]) => sql`${sql.lit(key)}, ${sql.ref(column)}`))})`;
}

/** A value `jsonObject` built: PostgreSQL's driver has parsed it already, SQLite's gives the text. */
export function jsonValue<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** A camelCase name as its snake_case column, as the CamelCasePlugin spells it. */
export const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Bound parameters one SQLite statement may carry (SQLITE_MAX_VARIABLE_NUMBER, since 3.32). */
const SQLITE_MAX_PARAMETERS = 32_766;

/**
 * Multi-row INSERT with the SQL text built here rather than by Kysely's query builder, which for
 * a 100,000-row import spent more time building and transforming its syntax tree than the
 * database spent writing. Every row must have the same keys; keys are camelCase column names.
 * A statement holds `chunk` rows. On SQLite that is one placeholder per value, so fewer rows when
 * that many would pass its parameter limit (a wide table). On PostgreSQL each column is one array
 * parameter, unnested: the server parses one short statement instead of a VALUES list of 10,000
 * placeholders (a 100,000-row import: parse and bind took 2.6 s of the server's 6 s).
 */
export async function insertRows(db: Kysely<Database> | Transaction<Database>, table: keyof Database, rows: readonly object[], chunk = 400): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const head = `insert into "${snake(table)}" (${columns.map((c) => `"${snake(c)}"`).join(', ')}) `;
  if (isPostgres(db)) {
    const types = await columnTypes(db, snake(table));
    const text = `${head}select * from unnest(${columns.map((c, k) => `$${k + 1}::${typeOf(types, table, c)}[]`).join(', ')})`;
    for (let i = 0; i < rows.length; i += chunk) {
      const part = rows.slice(i, i + chunk) as Record<string, unknown>[];
      await db.executeQuery(CompiledQuery.raw(text, columns.map((c) => arrayLiteral(part, c))));
    }
    return;
  }
  const perStatement = Math.max(1, Math.min(chunk, Math.floor(SQLITE_MAX_PARAMETERS / columns.length)));
  // The text depends only on the number of rows: built once per size, not 10,000 placeholders per statement.
  const texts = new Map<number, string>();
  const textFor = (n: number) => {
    let text = texts.get(n);
    if (text === undefined) texts.set(n, (text = `${head}values ${Array.from({ length: n }, () => `(${columns.map(() => '?').join(', ')})`).join(', ')}`));
    return text;
  };
  for (let i = 0; i < rows.length; i += perStatement) {
    const n = Math.min(perStatement, rows.length - i);
    const params: unknown[] = new Array(n * columns.length);
    let p = 0;
    for (let r = i; r < i + n; r++) {
      const values = rows[r] as Record<string, unknown>;
      for (const c of columns) params[p++] = values[c];
    }
    await db.executeQuery(CompiledQuery.raw(textFor(n), params));
  }
}

const QUOTED = /["\\]/;

/**
 * One column of `rows` as a PostgreSQL array literal, `{"a",NULL,3}`: one text parameter, built
 * here because pg's own array conversion escaped every element with two regular expressions
 * (2.5 million of them in a 100,000-row import: twice the time of this).
 */
function arrayLiteral(rows: readonly Record<string, unknown>[], column: string): string {
  let out = '{';
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i]![column];
    if (i > 0) out += ',';
    if (v === null || v === undefined) out += 'NULL';
    else if (typeof v === 'number') out += String(v);
    else if (typeof v === 'string') out += QUOTED.test(v) ? `"${v.replace(/["\\]/g, '\\$&')}"` : `"${v}"`;
    else throw new Error(`insertRows: column ${column} holds a ${typeof v}; only text, numbers and null are written`);
  }
  return `${out}}`;
}

/** PostgreSQL column types per table (`integer`, `double precision`, …), read from the catalogue once; forgotten when migrations run. */
const pgTypes = new Map<string, Promise<Map<string, string>>>();

export function forgetColumnTypes(): void {
  pgTypes.clear();
}

function columnTypes(db: Kysely<Database> | Transaction<Database>, table: string): Promise<Map<string, string>> {
  let types = pgTypes.get(table);
  if (!types) {
    types = sql<{ name: string; type: string }>`select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute where attrelid = to_regclass(${table}) and attnum > 0 and not attisdropped`
      .execute(db)
      .then((r) => new Map(r.rows.map((c) => [c.name, c.type])));
    pgTypes.set(table, types);
    types.catch(() => pgTypes.delete(table));
  }
  return types;
}

function typeOf(types: Map<string, string>, table: string, column: string): string {
  const type = types.get(snake(column));
  if (!type) throw new Error(`insertRows: table ${table} has no column ${snake(column)}`);
  return type;
}
