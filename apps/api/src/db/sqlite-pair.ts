import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/** A prepared statement by SQL text, from a connection's statement cache (dialect.ts). */
export type Prepare = (text: string) => SQLite.Statement;

interface Connections {
  write: Prepare;
  read: Prepare;
  /** Runs `fn` with the writer failing at once (SQLITE_BUSY) on a lock another process holds. */
  withoutWaiting: <T>(fn: () => T) => T;
  close: () => void;
}

/** SQLite refused a write because another connection holds the write lock (any SQLITE_BUSY variant). */
export const isSqliteBusy = (err: unknown): boolean => String((err as { code?: unknown } | null)?.code).startsWith('SQLITE_BUSY');

/**
 * SQLite with two connections to one file. The writer is taken in turns, as Kysely's own SQLite
 * driver takes its single connection: by a transaction from begin to commit, by a write outside
 * one for that statement. The reader, opened read-only, answers every read made outside a
 * transaction at once. In WAL mode it sees each committed write and nothing uncommitted, so a
 * 100,000-row import holding the writer for seconds no longer holds up every page: a read waits
 * at most for the import's batch in hand. Reads inside a transaction stay on the writer and see
 * the transaction's own writes.
 */
export class SqlitePairDialect implements Dialect {
  readonly #turns = new Turns();

  constructor(private readonly connections: Connections) {}

  /**
   * Runs one write at once if the writer is free, in this process and in others (no waiting on
   * SQLite's busy timeout); false if it is not, and nothing is written.
   */
  writeIfFree(text: string, parameters: readonly unknown[]): boolean {
    if (!this.#turns.tryTake()) return false;
    try {
      return this.connections.withoutWaiting(() => {
        try {
          this.connections.write(text).run(...parameters);
          return true;
        } catch (err) {
          if (isSqliteBusy(err)) return false;
          throw err;
        }
      });
    } finally {
      this.#turns.pass();
    }
  }

  createAdapter() {
    return new SqliteAdapter();
  }

  createDriver(): Driver {
    return new PairDriver(this.connections, this.#turns);
  }

  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

class PairDriver implements Driver {
  constructor(
    private readonly connections: Connections,
    private readonly turns: Turns,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new Lease(this.connections.write, this.connections.read, this.turns);
  }

  async beginTransaction(lease: Lease): Promise<void> {
    await lease.begin();
  }

  async commitTransaction(lease: Lease): Promise<void> {
    lease.end('commit');
  }

  async rollbackTransaction(lease: Lease): Promise<void> {
    lease.end('rollback');
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    this.connections.close();
  }
}

/** One caller's use of the pair: a transaction, or single statements. */
class Lease implements DatabaseConnection {
  #inTransaction = false;

  constructor(
    private readonly write: Prepare,
    private readonly read: Prepare,
    private readonly turns: Turns,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#inTransaction) return run<R>(this.write(query.sql), query.parameters);
    const stmt = this.read(query.sql);
    if (stmt.readonly) return run<R>(stmt, query.parameters);
    await this.turns.take();
    try {
      return run<R>(this.write(query.sql), query.parameters);
    } finally {
      this.turns.pass();
    }
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not used with SQLite');
  }

  async begin(): Promise<void> {
    await this.turns.take();
    try {
      this.write('begin').run();
    } catch (err) {
      this.turns.pass();
      throw err;
    }
    this.#inTransaction = true;
  }

  /** A failed commit leaves the transaction open (Kysely rolls it back next); a rollback always ends it. */
  end(command: 'commit' | 'rollback'): void {
    if (!this.#inTransaction) return;
    try {
      this.write(command).run();
    } catch (err) {
      if (command === 'commit') throw err;
    }
    this.#inTransaction = false;
    this.turns.pass();
  }
}

function run<R>(stmt: SQLite.Statement, parameters: readonly unknown[]): QueryResult<R> {
  if (stmt.reader) return { rows: stmt.all(...parameters) as R[] };
  const { changes, lastInsertRowid } = stmt.run(...parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

/** The writer's turns, first come first served. */
class Turns {
  #held = false;
  readonly #waiting: (() => void)[] = [];

  /** The turn if no one has it, without waiting. */
  tryTake(): boolean {
    if (this.#held) return false;
    this.#held = true;
    return true;
  }

  take(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  pass(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
}
