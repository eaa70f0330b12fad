import type { EnterpriseListQuery } from '@yuanqu/contracts';
import type { Expression, ExpressionBuilder, SelectQueryBuilder, SqlBool } from 'kysely';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import type { Viewer } from '../auth/viewer';

export type Scope = Pick<Viewer, 'role' | 'enterpriseId' | 'unitPaths'>;

/** A key for something kept per data scope: everything of the scope that decides what is seen, then `more`. */
export const scopeKey = (scope: Scope, ...more: unknown[]): string => JSON.stringify([scope.role, scope.enterpriseId, scope.unitPaths, ...more]);
export type EnterpriseFilter = Omit<EnterpriseListQuery, 'page' | 'pageSize' | 'sort'> & { unitPath?: string };
type EnterpriseEb = ExpressionBuilder<Database, 'enterprise'>;

/**
 * One condition on the enterprises: how Kysely builds it, the values it binds (in that order) and
 * what its SQL text depends on besides them (`shape`), so that a query of the same shapes can be
 * compiled once (`compiledByShape`).
 */
export interface Condition {
  shape: string;
  values: readonly unknown[];
  build: (eb: EnterpriseEb) => Expression<SqlBool>;
}

const equals = (column: 'status' | 'industryChain' | 'category' | 'scale', value: string): Condition => ({
  shape: column,
  values: [value],
  build: (eb) => eb(`enterprise.${column}`, '=', value),
});

/**
 * Rows under any of the unit-path prefixes. The units are picked in a subquery instead of joining
 * the unit table, so a query without a unit condition reads no unit row at all (a list row's unit
 * comes from the cached unit tree), and with one SQLite walks the chosen units' index entries.
 */
function underUnits(prefixes: readonly string[]): Condition {
  const patterns = prefixes.map((p) => `${p}%`);
  return {
    shape: `units:${patterns.length}`,
    values: patterns,
    build: (eb) => eb('enterprise.unitId', 'in', eb.selectFrom('unit').select('unit.id').where((u) => u.or(patterns.map((p) => u('unit.path', 'like', p))))),
  };
}

/**
 * The data scope and the filter as conditions, all of which a row must meet: the own enterprise (or
 * nothing at all), the filters, then the unit-path prefixes, one condition per list (the viewer's
 * subtrees, the unit filter). No unit condition when neither applies: every enterprise has exactly
 * one unit (NOT NULL foreign key).
 */
export function conditions(scope: Scope, f: EnterpriseFilter, like: 'like' | 'ilike'): Condition[] {
  const all: Condition[] = [];
  if (scope.role === 'enterprise') {
    const id = scope.enterpriseId ?? '';
    all.push({ shape: 'own', values: [id], build: (eb) => eb('enterprise.id', '=', id) });
  } else if (scope.unitPaths !== null && scope.unitPaths.length === 0) {
    all.push({ shape: 'nothing', values: [], build: (eb) => eb.lit(false) });
  }
  if (f.status !== 'all') all.push(equals('status', f.status));
  if (f.industryChain) all.push(equals('industryChain', f.industryChain));
  if (f.category) all.push(equals('category', f.category));
  if (f.scale) all.push(equals('scale', f.scale));
  if (f.qualification) {
    const type = f.qualification;
    all.push({
      shape: 'qualification',
      values: [type],
      build: (eb) => eb.exists(eb.selectFrom('enterpriseQualification as eq').select('eq.id').whereRef('eq.enterpriseId', '=', 'enterprise.id').where('eq.type', '=', type)),
    });
  }
  if (f.q) {
    const text = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const upper = text.toUpperCase();
    all.push({ shape: `q:${like}`, values: [text, upper], build: (eb) => eb.or([eb('enterprise.name', like, text), eb('enterprise.uscc', like, upper)]) });
  }
  if (scope.role !== 'enterprise' && scope.unitPaths !== null && scope.unitPaths.length > 0) all.push(underUnits(scope.unitPaths));
  if (f.unitPath) all.push(underUnits([f.unitPath]));
  return all;
}

/** The shape of a query over these conditions, and the values it binds in order. */
export function shapeOf(all: readonly Condition[]): { shape: string; values: unknown[] } {
  return { shape: all.map((c) => c.shape).join(' '), values: all.flatMap((c) => c.values) };
}

/** The enterprises meeting every condition. */
export function filtered(db: Db, all: readonly Condition[]): SelectQueryBuilder<Database, 'enterprise', object> {
  return db.selectFrom('enterprise').where((eb) => eb.and(all.map((c) => c.build(eb))));
}
