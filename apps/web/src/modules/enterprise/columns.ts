/** Optional columns of the enterprise list (the name is always shown). */
export const LIST_COLUMNS = [
  'uscc',
  'unitPath',
  'industryChain',
  'industry',
  'category',
  'scale',
  'qualifications',
  'flags',
  'cloudAdopted',
  'cncRate',
  'establishedOn',
  'status',
  'updatedAt',
] as const;
export type ListColumn = (typeof LIST_COLUMNS)[number];

export const DEFAULT_COLUMNS: readonly ListColumn[] = ['uscc', 'unitPath', 'industryChain', 'industry', 'scale', 'qualifications', 'cncRate', 'status'];

/** The i18n key of a column's header. */
export function columnLabel(column: ListColumn): string {
  if (column === 'unitPath') return 'enterprise.unitPath';
  if (column === 'industry') return 'enterprise.industry';
  return `fields.${column}`;
}

const STORAGE_KEY = 'yuanqu.enterpriseColumns';

/** The columns this browser chose last time; unknown names (from an older app) are dropped. */
export function loadColumns(): ListColumn[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (Array.isArray(saved)) return LIST_COLUMNS.filter((c) => saved.includes(c));
  } catch {
    // Corrupt or unavailable storage: fall back to the defaults.
  }
  return [...DEFAULT_COLUMNS];
}

export function saveColumns(columns: readonly ListColumn[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(columns));
  } catch {
    // The choice then lasts only for this visit.
  }
}
