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

const counters = compiledOnce((db: Db) => db.selectFrom('changeCounter').select(['tableName', 'changes']));

/** Every counter in one read: the enterprise list checks its unit tree and its totals with it. */
export async function readChanges(db: Db): Promise<Changes> {
  const rows = await counters(db);
  const changes: Changes = { enterprise: 0, enterpriseQualification: 0, unit: 0 };
  for (const r of rows) {
    if (r.tableName === 'enterprise') changes.enterprise = Number(r.changes);
    else if (r.tableName === 'enterprise_qualification') changes.enterpriseQualification = Number(r.changes);
    else if (r.tableName === 'unit') changes.unit = Number(r.changes);
  }
  return changes;
}

/** The counters as one key: a cache kept under it is current while it reads the same. */
export function changeStamp(changes: Changes): string {
  return `${changes.enterprise}.${changes.enterpriseQualification}.${changes.unit}`;
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
