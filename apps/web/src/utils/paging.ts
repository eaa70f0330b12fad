/** A table's sort as Element Plus reports it (`order` null when unsorted). */
export interface TableSort {
  prop: string;
  order: 'ascending' | 'descending' | null;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * One page of rows sorted over the whole list (not just the page), empty values last in either
 * direction; a long list stays cheap to draw because only the page is handed to the table.
 */
export function sortAndPage<T extends object>(rows: readonly T[], sort: TableSort, page: number, size: number): T[] {
  const key = sort.prop as keyof T;
  const sign = sort.order === 'descending' ? -1 : 1;
  const sorted = sort.order === null ? [...rows] : [...rows].sort((x, y) => {
    const a = x[key];
    const b = y[key];
    if (a === null || a === undefined || b === null || b === undefined) return compare(a, b);
    return sign * compare(a, b);
  });
  return sorted.slice((page - 1) * size, page * size);
}

/** The page (from 1) a row's index falls on. */
export const pageOfIndex = (index: number, size: number) => Math.floor(index / size) + 1;
