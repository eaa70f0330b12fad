// The database's own share of a bulk import, measured after it: the rows the last import stored
// (its new enterprises and their audit rows, or its reports) are set aside, deleted, and put back
// with INSERT … SELECT in one transaction, so the database does the same index, trigger and commit
// work with nothing read, checked or sent from Node. No import can be faster than this.
import { spawnSync } from 'node:child_process';
import { createDialect } from '../apps/api/src/db/dialect';

export type FloorKind = 'enterprise' | 'statReports';

/** Per table: which rows the last import of `kind` stored, given that import's id and time. */
const ROWS: Record<FloorKind, { table: string; where: string }[]> = {
  enterprise: [
    { table: 'enterprise', where: "created_at = (select created_at from import_batch where id = :id)" },
    { table: 'audit_log', where: "action = 'enterprise.create' and detail like '%' || :id || '%'" },
  ],
  statReports: [{ table: 'stat_report', where: 'import_batch_id = :id' }],
};

const LAST = (kind: FloorKind) => `(select id from import_batch where kind = '${kind}' order by created_at desc limit 1)`;

function script(kind: FloorKind, step: 'aside' | 'store'): string {
  const parts = ROWS[kind].map(({ table, where }, i) => {
    const cond = where.replaceAll(':id', LAST(kind));
    return step === 'aside'
      ? `create temp table floor_${i} as select * from ${table} where ${cond}; delete from ${table} where ${cond};`
      : `insert into ${table} select * from floor_${i};`;
  });
  return step === 'aside' ? parts.join('\n') : `begin;\n${parts.join('\n')}\ncommit;`;
}

/** Milliseconds to store the last import's rows again, and how many rows that was. */
export function sqliteFloor(file: string, kind: FloorKind): { ms: number; rows: number } {
  // The connection as the product opens it (WAL, synchronous=FULL, foreign keys).
  const db = createDialect({ dialect: 'sqlite', file }).sqlite!;
  try {
    db.exec(script(kind, 'aside'));
    const rows = ROWS[kind].reduce((n, _, i) => n + (db.prepare(`select count(*) as n from temp.floor_${i}`).get() as { n: number }).n, 0);
    const started = performance.now();
    db.exec(script(kind, 'store'));
    return { ms: performance.now() - started, rows };
  } finally {
    db.close();
  }
}

export function postgresFloor(url: string, kind: FloorKind): { ms: number; rows: number } {
  const counts = ROWS[kind].map((_, i) => `select count(*) from floor_${i};`).join(' ');
  // One session: the temporary tables live as long as it does. Timing is psql's own, per statement.
  const sql = `${script(kind, 'aside')}\n${counts}\n\\timing on\n${script(kind, 'store')}`;
  const r = spawnSync('psql', [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-At'], { input: sql, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`floor on PostgreSQL failed: ${r.stderr.trim()}`);
  const lines = r.stdout.trim().split('\n');
  const rows = lines.filter((l) => /^\d+$/.test(l)).reduce((n, l) => n + Number(l), 0);
  const ms = lines.reduce((sum, l) => sum + Number(/^Time: ([\d.]+) ms/.exec(l)?.[1] ?? 0), 0);
  return { ms, rows };
}
