import {
  ENTERPRISE_CATEGORIES,
  ENTERPRISE_SORTS,
  INDUSTRY_CHAINS,
  LIMITS,
  QUALIFICATION_TYPES,
  SCALES,
} from '@yuanqu/contracts';
import type { LocationQuery } from 'vue-router';
import type { EnterpriseFilters, EnterpriseListParams, EnterpriseSort } from '../../api/enterprises';

const STATUSES = ['active', 'archived', 'all'] as const;
export const PAGE_SIZES = [10, 20, 50, 100] as const;

export const DEFAULT_PARAMS: EnterpriseListParams = {
  page: 1,
  pageSize: LIMITS.pageSizeDefault,
  sort: 'name',
  status: 'active',
};

function one(query: LocationQuery, key: string): string | undefined {
  const v = query[key];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() ? s.trim() : undefined;
}

function pick<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

function positive(value: string | undefined, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** The list state from the address bar (so a filtered list can be bookmarked and shared); junk falls back to defaults. */
export function paramsFromQuery(query: LocationQuery): EnterpriseListParams {
  return {
    page: positive(one(query, 'page'), DEFAULT_PARAMS.page, Number.MAX_SAFE_INTEGER),
    pageSize: positive(one(query, 'pageSize'), DEFAULT_PARAMS.pageSize, LIMITS.pageSizeMax),
    sort: pick(one(query, 'sort'), ENTERPRISE_SORTS) ?? DEFAULT_PARAMS.sort,
    status: pick(one(query, 'status'), STATUSES) ?? DEFAULT_PARAMS.status,
    q: one(query, 'q')?.slice(0, 50),
    unitId: one(query, 'unitId'),
    industryChain: pick(one(query, 'industryChain'), INDUSTRY_CHAINS),
    category: pick(one(query, 'category'), ENTERPRISE_CATEGORIES),
    scale: pick(one(query, 'scale'), SCALES),
    qualification: pick(one(query, 'qualification'), QUALIFICATION_TYPES),
  };
}

/** The address-bar query for a list state, leaving out defaults and empty filters. */
export function queryFromParams(params: EnterpriseListParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (value === DEFAULT_PARAMS[key as keyof EnterpriseListParams]) continue;
    out[key] = String(value);
  }
  return out;
}

/** The filters alone, which is all the export accepts (it refuses paging and sort keys). */
export function filtersOf(params: EnterpriseListParams): EnterpriseFilters {
  const { q, unitId, industryChain, category, scale, qualification, status } = params;
  return { q, unitId, industryChain, category, scale, qualification, status };
}

export type SortOrder = 'ascending' | 'descending' | null;

/** el-table sort-change → API sort; an unsortable column or a cleared sort falls back to name. */
export function sortFromTable(prop: string | null | undefined, order: SortOrder): EnterpriseSort {
  if (!prop || !order) return DEFAULT_PARAMS.sort;
  const sort = `${order === 'descending' ? '-' : ''}${prop}`;
  return pick(sort, ENTERPRISE_SORTS) ?? DEFAULT_PARAMS.sort;
}

/** API sort → el-table default-sort. */
export function tableSort(sort: EnterpriseSort): { prop: string; order: 'ascending' | 'descending' } {
  return sort.startsWith('-') ? { prop: sort.slice(1), order: 'descending' } : { prop: sort, order: 'ascending' };
}
