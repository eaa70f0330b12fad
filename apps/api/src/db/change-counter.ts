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
