import type { Factory, FactorySummary, Unit } from '@yuanqu/contracts';
import { describeData, type Datum } from '../../components/charts/options';
import type { Locale } from '../../i18n';
import { formatPercent } from '../../utils/format';
import type { Translate } from '../../utils/zod-errors';
import { formatNumber } from '../statistics/figure-units';
import { formatSqm } from './parcel-display';

const EMPTY = '—';

/** ㎡ as a number of 万㎡ rounded to two decimals, for charts: 65_000 → 6.5. */
export function wanSqm(sqm: number): number {
  return Math.round(sqm / 100) / 100;
}

/** ㎡ as 万㎡ with thousands separators and two decimals: 40_000 → "4.00", 1_234_500 → "123.45". */
export function formatWanSqm(sqm: number | null | undefined): string {
  return sqm === null || sqm === undefined || !Number.isFinite(sqm) ? EMPTY : formatNumber(wanSqm(sqm), 2);
}

/** A share (0–1) as users read it: 0.4 → "40%", 0.4567 → "45.7%". */
export function formatRatio(share: number | null | undefined): string {
  return share === null || share === undefined || !Number.isFinite(share) ? EMPTY : formatPercent(share * 100);
}

/** The month of a date: 2025-03-30 → "2025年3月" (zh) or "2025-03" (en); null when there is no date. */
export function formatMonth(date: string | null, locale: Locale): string | null {
  const m = date ? /^(\d{4})-(\d{2})/.exec(date) : null;
  if (!m) return null;
  return locale === 'zh-CN' ? `${m[1]}年${Number(m[2])}月` : `${m[1]}-${m[2]}`;
}

/** The key figures above the chart, formatted; the sentences are put together by the page's i18n. */
export interface FactoryKpis {
  year: number;
  done: string;
  goal: string | null;
  percent: string | null;
  /** For the progress bar: 0–100, a year past its goal full. */
  bar: number;
  reached: boolean;
  completedWan: string;
  completedSqm: string;
  buildings: number;
  occupancy: string;
  occupiedWan: string;
}

export function factoryKpis(s: FactorySummary): FactoryKpis {
  const progress = s.progress ?? 0;
  return {
    year: s.currentYear,
    done: formatWanSqm(s.currentYearSqm),
    goal: s.goalSqmPerYear === null ? null : formatWanSqm(s.goalSqmPerYear),
    percent: s.progress === null ? null : formatRatio(s.progress),
    bar: Math.round(Math.min(1, Math.max(0, progress)) * 1000) / 10,
    reached: s.progress !== null && s.progress >= 1,
    completedWan: formatWanSqm(s.completedSqm),
    completedSqm: formatSqm(s.completedSqm),
    buildings: s.years.reduce((n, y) => n + y.buildings, 0),
    occupancy: formatRatio(s.occupancy),
    occupiedWan: formatWanSqm(s.occupiedSqm),
  };
}

/** The chart's bars in 万㎡, one per year, this year marked as counted to date; and its text for screen readers. */
export function yearBars(s: FactorySummary, t: Translate, locale: Locale): { data: Datum[]; goal: { value: number; label: string } | null; description: string } {
  const data = s.years.map((y) => ({ name: t(y.year === s.currentYear ? 'factories.chart.yearToDate' : 'factories.chart.year', { year: y.year }), value: wanSqm(y.completedSqm) }));
  const goal = s.goalSqmPerYear === null ? null : { value: wanSqm(s.goalSqmPerYear), label: t('factories.chart.goal', { goal: formatWanSqm(s.goalSqmPerYear) }) };
  const separator = locale === 'zh-CN' ? '；' : '; ';
  const read = describeData(t('factories.chart.title'), data, t('factories.chart.unit'), separator);
  return { data, goal, description: goal ? `${read}${separator}${goal.label}` : read };
}

/** One row of the building table: sortable numbers kept, texts formatted. */
export interface FactoryRow extends Factory {
  completedMonth: string | null;
  floorSqm: string;
  floorWan: string;
  occupied: string;
  occupancyText: string;
  occupantTexts: { id: string; name: string; area: string }[];
}

export function factoryRows(list: readonly Factory[], locale: Locale): FactoryRow[] {
  return list.map((f) => ({
    ...f,
    completedMonth: formatMonth(f.completedOn, locale),
    floorSqm: formatSqm(f.floorAreaSqm),
    floorWan: formatWanSqm(f.floorAreaSqm),
    occupied: formatSqm(f.occupiedSqm),
    occupancyText: formatRatio(f.occupancy),
    occupantTexts: f.occupants.map((o) => ({ id: o.enterpriseId, name: o.name ?? o.enterpriseId, area: formatSqm(o.areaSqm) })),
  }));
}

/** The buildings in one park or zone (a park takes its zones' too), whose code, name or an occupant's name contains `q`. */
export function filterFactories<T extends Factory>(rows: readonly T[], units: readonly Unit[], unitId: string, q: string): T[] {
  const text = q.trim().toLowerCase();
  const within = unitId ? new Set([unitId, ...units.filter((u) => u.parentId === unitId).map((u) => u.id)]) : null;
  return rows.filter(
    (r) =>
      (!within || within.has(r.unitId)) &&
      (!text || [r.code, r.name, ...r.occupants.map((o) => o.name ?? '')].some((s) => s.toLowerCase().includes(text))),
  );
}

/** Parks with their zones, the places a building may lie in, for a grouped select. */
export function unitGroups(units: readonly Unit[]): { park: Unit; zones: Unit[] }[] {
  const byCode = (a: Unit, b: Unit) => a.code.localeCompare(b.code);
  return units
    .filter((u) => u.kind === 'park')
    .sort(byCode)
    .map((park) => ({ park, zones: units.filter((u) => u.kind === 'zone' && u.parentId === park.id).sort(byCode) }));
}
