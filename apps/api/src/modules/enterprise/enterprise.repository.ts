import type { EnterpriseListQuery, Qualification, QualificationType } from '@yuanqu/contracts';
import { sql, type ExpressionBuilder } from 'kysely';
import { keptUnderChanges, type Changes } from '../../db/change-counter';
import { compiledByShape, compiledOnce, type Db, type Trx } from '../../db/database';
import type { Database, EnterpriseTable } from '../../db/schema';
import { inJsonList, insertRows, selectArrays } from '../../db/dialect';
import { newId } from '../../lib/ids';
import type { EnterpriseRecord } from './enterprise';
import { conditions, filtered, scopeKey, shapeOf, type EnterpriseFilter, type Scope } from './enterprise-filter';

type EnterpriseEb = ExpressionBuilder<Database, 'enterprise'>;

const CHUNK = 500;

export type { EnterpriseFilter };

function countMatching(db: Db, scope: Scope, f: EnterpriseFilter, like: 'like' | 'ilike') {
  return filtered(db, conditions(scope, f, like))
    .select((eb: EnterpriseEb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
}

const SORT_COLUMNS = { name: 'enterprise.name', updatedAt: 'enterprise.updatedAt', uscc: 'enterprise.uscc', establishedOn: 'enterprise.establishedOn' } as const;

/** The columns a list row shows (enterpriseListItemSchema); contacts, address and description stay behind. */
const LIST_COLUMNS = [
  'id', 'uscc', 'name', 'unitId', 'industryChain', 'industryCode', 'category', 'scale', 'establishedOn', 'twoHigh',
  'nearYangtze', 'cloudAdopted', 'cncRate', 'status', 'isDemo', 'updatedAt',
] as const satisfies readonly (keyof EnterpriseTable)[];
type ListColumn = (typeof LIST_COLUMNS)[number];
const LIST_SELECT = LIST_COLUMNS.map((c) => `enterprise.${c}` as const);

/** An enterprise as a list row: the listed columns and its qualifications. */
export type EnterpriseListRow = Pick<EnterpriseTable, ListColumn> & { qualifications: Qualification[] };

/** A list row from its values in LIST_COLUMNS order (rows are read as arrays: see selectArrays). */
function listRow(values: unknown[]): Pick<EnterpriseTable, ListColumn> {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < LIST_COLUMNS.length; i++) row[LIST_COLUMNS[i]!] = values[i];
  return row as Pick<EnterpriseTable, ListColumn>;
}

/** Totals per scope and filter, kept until the enterprise, qualification or unit table changes. */
const totals = keptUnderChanges<number>(1000);

/** The number of matching rows; `changes` are the counters the caller read before anything was counted. */
async function totalMatching(db: Db, scope: Scope, f: EnterpriseFilter, like: 'like' | 'ilike', changes: Changes): Promise<number> {
  return totals(db, changes).keep(scopeKey(scope, like, f), async () => Number((await countMatching(db, scope, f, like)).n));
}

/** The page query by sort and filter shape: Kysely builds and compiles each shape once (it cost more than SQLite's work). */
const pageQueries = compiledByShape<unknown>();

/** The ids of a page of matching enterprises in list order, and the total; `changes` are the counters read before this call. */
export async function listEnterpriseIds(
  db: Db,
  scope: Scope,
  query: EnterpriseListQuery & { unitPath?: string },
  like: 'like' | 'ilike',
  changes: Changes,
): Promise<{ ids: string[]; total: number }> {
  const { page, pageSize, sort, ...f } = query;
  const desc = sort.startsWith('-');
  const column = SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS];
  const all = conditions(scope, f, like);
  const { shape, values: bound } = shapeOf(all);
  const offset = (page - 1) * pageSize;
  const pageQuery = pageQueries(db, `${sort} ${shape}`, [...bound, pageSize, offset], () =>
    filtered(db, all).select('enterprise.id').orderBy(column, desc ? 'desc' : 'asc').orderBy('enterprise.id').limit(pageSize).offset(offset),
  );
  const [values, total] = await Promise.all([selectArrays(db, pageQuery), totalMatching(db, scope, f, like, changes)]);
  return { ids: values.map((v) => v[0] as string), total };
}

const rowsById = compiledByShape<unknown>(1);

/** The list rows of these enterprises (in no particular order; an id that no longer exists has none), scope-free. */
export async function listRowsById(db: Db, ids: readonly string[]): Promise<EnterpriseListRow[]> {
  const json = JSON.stringify(ids);
  const query = rowsById(db, '', [json], () => db.selectFrom('enterprise').select(LIST_SELECT).where(inJsonList(db, 'enterprise.id', json)));
  return withQualifications(db, (await selectArrays(db, query)).map(listRow));
}

/** Streams every matching record in pages of `batch` (for export), in name order. */
export async function* eachEnterprise(db: Db, scope: Scope, f: EnterpriseFilter, like: 'like' | 'ilike', batch = 1000): AsyncGenerator<EnterpriseRecord[]> {
  for (let offset = 0; ; offset += batch) {
    const rows = await filtered(db, conditions(scope, f, like))
      .innerJoin('unit', 'unit.id', 'enterprise.unitId')
      .selectAll('enterprise')
      .select('unit.path as unitPath')
      .orderBy('enterprise.name')
      .orderBy('enterprise.id')
      .limit(batch)
      .offset(offset)
      .execute();
    if (rows.length === 0) return;
    yield await withQualifications(db, rows);
    if (rows.length < batch) return;
  }
}

/** The qualifications of the enterprises whose ids a JSON array names: one SQL text for any number of ids, compiled once. */
const qualificationsOf = compiledOnce((db: Db, ids: string) =>
  db
    .selectFrom('enterpriseQualification')
    .select(['enterpriseId', 'type', 'grantedOn', 'expiresOn', 'certificateNo'])
    .where(inJsonList(db, 'enterpriseQualification.enterpriseId', ids))
    .orderBy('position'),
);

async function withQualifications<R extends { id: string }>(db: Db | Trx, rows: R[]): Promise<(R & { qualifications: Qualification[] })[]> {
  const byId = new Map<string, Qualification[]>();
  if (rows.length > 0) {
    for (const q of await qualificationsOf(db, JSON.stringify(rows.map((r) => r.id)))) {
      const list = byId.get(q.enterpriseId) ?? [];
      list.push({ type: q.type as QualificationType, grantedOn: q.grantedOn, expiresOn: q.expiresOn, certificateNo: q.certificateNo });
      byId.set(q.enterpriseId, list);
    }
  }
  // Set on the fresh rows rather than spread into copies: a page of 50 rows × 20 columns was copied per request.
  const out = rows as (R & { qualifications: Qualification[] })[];
  for (const r of out) r.qualifications = byId.get(r.id) ?? [];
  return out;
}

/** Any enterprise by id, regardless of scope: the service decides what the viewer may see. */
export async function findEnterprise(db: Db | Trx, id: string): Promise<EnterpriseRecord | undefined> {
  const row = await db.selectFrom('enterprise').innerJoin('unit', 'unit.id', 'enterprise.unitId').selectAll('enterprise').select('unit.path as unitPath').where('enterprise.id', '=', id).executeTakeFirst();
  return row ? (await withQualifications(db, [row]))[0] : undefined;
}

/** Records by USCC (for import matching), scope-free. */
export async function findEnterprisesByUscc(db: Db | Trx, usccs: string[]): Promise<Map<string, EnterpriseRecord>> {
  const out = new Map<string, EnterpriseRecord>();
  for (let i = 0; i < usccs.length; i += CHUNK) {
    const rows = await db
      .selectFrom('enterprise')
      .innerJoin('unit', 'unit.id', 'enterprise.unitId')
      .selectAll('enterprise')
      .select('unit.path as unitPath')
      .where('enterprise.uscc', 'in', usccs.slice(i, i + CHUNK))
      .execute();
    for (const r of await withQualifications(db, rows)) out.set(r.uscc, r);
  }
  return out;
}

export async function insertEnterprises(trx: Trx, rows: EnterpriseTable[], quals: Map<string, Qualification[]>): Promise<void> {
  // 25 columns × 400 rows stays under both SQLite's and PostgreSQL's bind-parameter limits.
  await insertRows(trx, 'enterprise', rows, 400);
  await replaceQualifications(trx, quals, false);
}

/** Writes when the version still matches; false means someone else saved first. */
export async function updateEnterprise(trx: Trx, id: string, version: number, set: Partial<EnterpriseTable>): Promise<boolean> {
  const res = await trx.updateTable('enterprise').set({ ...set, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function replaceQualifications(trx: Trx, quals: Map<string, Qualification[]>, deleteFirst = true): Promise<void> {
  const ids = [...quals.keys()];
  if (deleteFirst) {
    for (let i = 0; i < ids.length; i += CHUNK) await trx.deleteFrom('enterpriseQualification').where('enterpriseId', 'in', ids.slice(i, i + CHUNK)).execute();
  }
  const rows = [...quals].flatMap(([enterpriseId, qs]) =>
    qs.map((q, position) => ({ id: newId(), enterpriseId, position, type: q.type, grantedOn: q.grantedOn, expiresOn: q.expiresOn ?? null, certificateNo: q.certificateNo ?? null })),
  );
  await insertRows(trx, 'enterpriseQualification', rows, CHUNK);
}

/** Enterprise counts per unit, scale, chain and category within the scope (active only). */
export async function countEnterprises(db: Db, scope: Scope): Promise<{ unitId: string; scale: string; industryChain: string; category: string; n: number }[]> {
  const rows = await filtered(db, conditions(scope, { status: 'active' }, 'like'))
    .select(['enterprise.unitId', 'enterprise.scale', 'enterprise.industryChain', 'enterprise.category', sql<number>`count(*)`.as('n')])
    .groupBy(['enterprise.unitId', 'enterprise.scale', 'enterprise.industryChain', 'enterprise.category'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
