import { FIGURES, type FigureKey, type StatisticsFilter } from '@yuanqu/contracts';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database';
import type { Viewer } from '../auth/viewer';

type Scope = Pick<Viewer, 'unitPaths'>;

/** Counted figures of one slice of enterprises: each figure's sum and how many reported it. */
export interface Figures {
  reporters: number;
  s: Record<FigureKey, number>;
  n: Record<FigureKey, number>;
}

export interface Bucket extends Figures {
  period: string;
  unitId: string;
  industryChain: string;
  scale: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
}

/**
 * 规上/规下 as it stood in the report's period: the registry keeps today's scale and the date it
 * last changed (scale_since); before that date the enterprise was on the other side.
 */
const scaleAt = sql<string>`case when ${sql.ref('e.scaleSince')} is null or ${sql.ref('e.scaleSince')} <= ${sql.ref('r.period')} || '-31' then ${sql.ref('e.scale')} when ${sql.ref('e.scale')} = 'above' then 'below' else 'above' end`;

export interface BucketQuery {
  periods: string[];
  filter: StatisticsFilter & { unitPath?: string };
  byEnterprise: boolean;
}

/** Counted reports of the periods whose enterprise is in scope and matches the filter. */
function matching(db: Db, scope: Scope, periods: string[], filter: BucketQuery['filter']) {
  return db
    .selectFrom('statReport as r')
    .innerJoin('enterprise as e', 'e.id', 'r.enterpriseId')
    .innerJoin('unit as u', 'u.id', 'e.unitId')
    .where((eb) => {
      const all: Expression<SqlBool>[] = [eb('r.status', '=', 'approved'), eb('r.period', 'in', periods)];
      if (scope.unitPaths !== null) all.push(scope.unitPaths.length ? eb.or(scope.unitPaths.map((p) => eb('u.path', 'like', `${p}%`))) : eb.lit(false));
      if (filter.unitPath) all.push(eb('u.path', 'like', `${filter.unitPath}%`));
      if (filter.industryChain) all.push(eb('e.industryChain', '=', filter.industryChain));
      if (filter.enterpriseIds) all.push(eb('e.id', 'in', filter.enterpriseIds.length ? filter.enterpriseIds : ['']));
      if (filter.scale) all.push(eb(scaleAt, '=', filter.scale));
      return eb.and(all);
    });
}

/** The enterprises with the largest 主营业务收入 in a period (those without it last), at most `limit`. */
export async function topEnterprises(db: Db, scope: Scope, period: string, filter: BucketQuery['filter'], limit: number): Promise<string[]> {
  const rows = await matching(db, scope, [period], filter)
    .select('e.id')
    .orderBy(sql`coalesce(${sql.ref('r.mainRevenue')}, -1)`, 'desc')
    .orderBy('e.name')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Enterprises whose figure reached `threshold` in each of the periods. */
export async function enterprisesAtLeast(db: Db, scope: Scope, figure: FigureKey, threshold: number, periods: string[]): Promise<{ id: string; period: string }[]> {
  return matching(db, scope, periods, { enterpriseIds: undefined })
    .where(sql.ref(`r.${figure}`), '>=', threshold)
    .select(['e.id', 'r.period'])
    .execute();
}

/** Counted figures grouped by period, unit, industry and scale (and enterprise when asked). */
export async function readBuckets(db: Db, scope: Scope, q: BucketQuery): Promise<Bucket[]> {
  let query = matching(db, scope, q.periods, q.filter)
    .select(['r.period', 'e.unitId', 'e.industryChain', scaleAt.as('scale'), (eb) => eb.fn.countAll<number>().as('reporters')])
    .groupBy(['r.period', 'e.unitId', 'e.industryChain', scaleAt]);
  FIGURES.forEach((f, i) => {
    const column = sql.ref(`r.${f.key}`);
    query = query.select([sql<number>`coalesce(sum(${column}), 0)`.as(`s${i}`), sql<number>`count(${column})`.as(`c${i}`)]);
  });
  const rows = (await (q.byEnterprise ? query.select(['e.id as enterpriseId', 'e.name as enterpriseName']).groupBy(['e.id', 'e.name']) : query).execute()) as Record<string, unknown>[];
  return rows.map((row) => {
    const sums = {} as Bucket['s'];
    const counts = {} as Bucket['n'];
    FIGURES.forEach((f, i) => {
      sums[f.key] = Number(row[`s${i}`]);
      counts[f.key] = Number(row[`c${i}`]);
    });
    return {
      period: row.period as string,
      unitId: row.unitId as string,
      industryChain: row.industryChain as string,
      scale: row.scale as string,
      enterpriseId: (row.enterpriseId as string | undefined) ?? null,
      enterpriseName: (row.enterpriseName as string | undefined) ?? null,
      reporters: Number(row.reporters),
      s: sums,
      n: counts,
    };
  });
}
