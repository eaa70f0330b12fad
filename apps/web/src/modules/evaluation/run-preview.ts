import { FIGURE_KEYS, figuresRead, type EvaluationPreview, type FigureKey, type ResultRow } from '@yuanqu/contracts';

/** An enterprise the year's data leaves short: no approved annual report, or some figures the indicators read. */
export interface Lacking {
  enterpriseId: string;
  name: string;
  status: ResultRow['status'];
  noReport: boolean;
  /** The figures the scheme's indicators read that the report lacks (all of them without a report). */
  figures: FigureKey[];
}

/** What a run of the year would take in, before it is computed: how many enterprises in each group, and who is 缺报. */
export interface PreviewPicture {
  total: number;
  groups: { key: string; name: string; count: number }[];
  exempt: number;
  outOfScope: number;
  lacking: Lacking[];
}

const collator = new Intl.Collator('zh-CN');

/** The missing-data picture of a preview: those to be scored first, then T and out of scope, each by name. */
export function previewPicture(preview: EvaluationPreview): PreviewPicture {
  const read = figuresRead(preview.groups);
  const count = (status: ResultRow['status']) => preview.results.filter((r) => r.status === status).length;
  const lacking = preview.results
    .map((r) => ({ enterpriseId: r.enterpriseId, name: r.name, status: r.status, noReport: r.missing.length === FIGURE_KEYS.length, figures: read.filter((k) => r.missing.includes(k)) }))
    .filter((l) => l.noReport || l.figures.length > 0);
  const scored = (l: Lacking) => (l.status === 'ranked' || l.status === 'vetoed' ? 0 : 1);
  lacking.sort((a, b) => scored(a) - scored(b) || collator.compare(a.name, b.name));
  return {
    total: preview.results.length,
    groups: preview.groups.map((g) => ({ key: g.key, name: g.name, count: preview.results.filter((r) => r.groupKey === g.key && (r.status === 'ranked' || r.status === 'vetoed')).length })),
    exempt: count('exempt'),
    outOfScope: count('outOfScope'),
    lacking,
  };
}
