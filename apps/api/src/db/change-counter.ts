import { sql } from 'kysely';
import { compiledOnce, type Db } from './database';

/**
 * How many writes each counted table has seen (migration 20261127T0330: triggers bump a counter
 * in the writing transaction, whoever writes). A cached answer kept under these numbers is current
 * while they stay the same.
 */
export interface Changes {
  enterprise: number;
  enterpriseQualification: number;
  unit: number;
}

/** One counter as a scalar subquery (the table name a literal, so a query carrying it binds nothing more). */
const counter = (db: Db, table: string) => db.selectFrom('changeCounter').select('changeCounter.changes').where('changeCounter.tableName', '=', sql.lit(table));

/**
 * The counters as three columns of another query (`changesOf` reads them back), so that the first
 * read of a request can carry them: the session lookup does, saving a round trip per request.
 */
export function changeColumns(db: Db) {
  return [counter(db, 'enterprise').as('cEnterprise'), counter(db, 'enterprise_qualification').as('cEnterpriseQualification'), counter(db, 'unit').as('cUnit')] as const;
}

export function changesOf(row: { cEnterprise: unknown; cEnterpriseQualification: unknown; cUnit: unknown }): Changes {
  return { enterprise: Number(row.cEnterprise ?? 0), enterpriseQualification: Number(row.cEnterpriseQualification ?? 0), unit: Number(row.cUnit ?? 0) };
}

const counters = compiledOnce((db: Db) => db.selectNoFrom(changeColumns(db)));

/** Every counter in one read, for a caller that has not read them with the session. */
export async function readChanges(db: Db): Promise<Changes> {
  const [row] = await counters(db);
  return changesOf(row!);
}

export interface Kept<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  keep(key: string, make: () => Promise<V>): Promise<V>;
}

/**
 * Entries kept per database under the change counters: emptied when the counters move, and when
 * `max` are held. A caller reads the counters before what it keeps, so a kept entry is never older
 * than the counters it is kept under: after a write commits, the next request reads new counters
 * and starts afresh. `keep` answers the entry kept under a key, or makes, keeps and answers it.
 */
export function keptUnderChanges<V>(max: number): (db: Db, changes: Changes) => Kept<V> {
  const kept = new WeakMap<Db, { stamp: string; entries: Map<string, V> }>();
  return (db, changes) => {
    const stamp = `${changes.enterprise}.${changes.enterpriseQualification}.${changes.unit}`;
    let k = kept.get(db);
    if (k?.stamp !== stamp) kept.set(db, (k = { stamp, entries: new Map() }));
    const { entries } = k;
    const set = (key: string, value: V) => {
      if (entries.size >= max) entries.clear();
      entries.set(key, value);
    };
    return {
      get: (key) => entries.get(key),
      set,
      keep: async (key, make) => {
        const hit = entries.get(key);
        if (hit !== undefined) return hit;
        const made = await make();
        set(key, made);
        return made;
      },
    };
  };
}
