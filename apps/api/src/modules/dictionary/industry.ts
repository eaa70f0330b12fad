import type { Industry } from '@yuanqu/contracts';
import table from './gbt4754-2017.json';

/** GB/T 4754-2017 国民经济行业分类, shipped with the product (provenance: docs/reference-data.md). */
export const INDUSTRIES: readonly Industry[] = table as Industry[];

const byCode = new Map(INDUSTRIES.map((i) => [i.code, i]));

export function findIndustry(code: string): Industry | undefined {
  return byCode.get(code);
}

/** Enterprises are classified at 大类 (2 digits) or deeper; 门类 letters alone are too coarse. */
export function isAssignableIndustry(code: string): boolean {
  return /^\d{2,4}$/.test(code) && byCode.has(code);
}
