import type { RunGroup, RunResult } from '@yuanqu/contracts';
import type { ChartOption } from '../../components/charts/echarts';
import { CLASS_COLORS, CLASS_MARKS, type ClassMark } from './evaluation-display';

/** How many of a group's members hold each class (vetoed ones count as D, T as T). */
export interface GroupClassCounts {
  key: string;
  name: string;
  counts: Record<ClassMark, number>;
}

export function classCounts(results: readonly RunResult[], groups: readonly RunGroup[]): GroupClassCounts[] {
  return groups.map((g) => {
    const counts = { A: 0, B: 0, C: 0, D: 0, T: 0 };
    for (const r of results) if (r.groupKey === g.key && r.class !== null) counts[r.class] += 1;
    return { key: g.key, name: g.name, counts };
  });
}

/** Bars of each class side by side for every group, in the classes' colours, the count on each bar. */
export function classCountOption(rows: readonly GroupClassCounts[], markName: (m: ClassMark) => string, description: string): ChartOption {
  return {
    aria: { enabled: true, label: { description } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, width: 160, overflow: 'break' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: CLASS_MARKS.map((m) => ({ type: 'bar' as const, name: markName(m), data: rows.map((r) => r.counts[m]), itemStyle: { color: CLASS_COLORS[m] }, barMaxWidth: 32, label: { show: true, position: 'top' as const } })),
  };
}

/** One bar of a histogram: totals in [from, to), the last bar also holding its upper edge. */
export interface Bin {
  from: number;
  to: number;
  count: number;
}

/** Totals in bins `width` points wide, from the bin of the lowest to that of the highest (empty bins in between kept). */
export function histogram(totals: readonly number[], width = 10): Bin[] {
  if (totals.length === 0) return [];
  const low = Math.floor(Math.min(...totals) / width) * width;
  const high = Math.floor(Math.max(...totals) / width) * width;
  const bins: Bin[] = [];
  for (let from = low; from <= high; from += width) bins.push({ from, to: from + width, count: 0 });
  for (const total of totals) bins[Math.floor((total - low) / width)]!.count += 1;
  return bins;
}

/** The totals' histogram as bars labelled “60–70”. */
export function histogramOption(bins: readonly Bin[], seriesName: string, description: string): ChartOption {
  return {
    color: ['#2f6fdb'],
    aria: { enabled: true, label: { description } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: bins.map((b) => `${b.from}–${b.to}`), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: seriesName, data: bins.map((b) => b.count), barCategoryGap: '8%', label: { show: true, position: 'top' } }],
  };
}
