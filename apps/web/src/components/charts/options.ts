import type { ChartOption } from './echarts';

/** One labelled figure of a chart. */
export interface Datum {
  name: string;
  value: number;
}

/** A count per key as the stats endpoint returns it. */
export interface KeyedCount {
  key: string;
  name?: string;
  count: number;
}

const PALETTE = ['#2f6fdb', '#27a17a', '#f0a020', '#d9534f', '#7a5cc7', '#1fa2c2', '#8c8c8c'];

/**
 * Chart data from keyed counts: labels via `label`, and when `order` is given every key in it
 * appears (zeros included, so an empty industry is visible as empty) in that order.
 */
export function toData(entries: readonly KeyedCount[], label: (entry: KeyedCount) => string, order?: readonly string[]): Datum[] {
  if (!order) return entries.map((e) => ({ name: label(e), value: e.count }));
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const known = order.map((key) => byKey.get(key) ?? { key, count: 0 });
  const extra = entries.filter((e) => !order.includes(e.key));
  return [...known, ...extra].map((e) => ({ name: label(e), value: e.count }));
}

/** A text equivalent of the chart for screen readers: "1号园 12家；3号园 19家". */
export function describeData(title: string, data: readonly Datum[], unit: string, separator: string): string {
  const parts = data.map((d) => `${d.name} ${d.value}${unit}`);
  return parts.length ? `${title}${separator === '；' ? '：' : ': '}${parts.join(separator)}` : title;
}

/** Vertical bars with the count on each bar; long category names wrap instead of overlapping. */
export function barOption(data: readonly Datum[], seriesName: string, description: string): ChartOption {
  return {
    color: PALETTE,
    aria: { enabled: true, label: { description } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: data.map((d) => d.name),
      axisLabel: { interval: 0, width: 80, overflow: 'break' },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: data.map((d) => d.value),
        barMaxWidth: 48,
        label: { show: true, position: 'top' },
      },
    ],
  };
}

/** A ring chart with a legend; zero slices are left out of the drawing (the aria description still lists them). */
export function pieOption(data: readonly Datum[], seriesName: string, description: string): ChartOption {
  return {
    color: PALETTE,
    aria: { enabled: true, label: { description } },
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        type: 'pie',
        name: seriesName,
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        data: data.filter((d) => d.value > 0).map((d) => ({ name: d.name, value: d.value })),
        label: { formatter: '{b}\n{c}' },
      },
    ],
  };
}

/** One period of a trend: its own value (month, quarter or year) and 同比, both already in display units. */
export interface TrendPoint {
  label: string;
  value: number | null;
  /** 同比 in percent (9.5 for +9.5 %). */
  yoy: number | null;
}

/** Bars of each period's own value, with 同比 as a line on a second axis in percent. */
export function trendOption(points: readonly TrendPoint[], names: { value: string; yoy: string; unit: string }, description: string): ChartOption {
  return {
    color: PALETTE,
    aria: { enabled: true, label: { description } },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => p.label), axisLabel: { hideOverlap: true } },
    yAxis: [
      { type: 'value', name: names.unit },
      { type: 'value', name: '%', axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: names.value, data: points.map((p) => p.value), barMaxWidth: 32 },
      { type: 'line', name: names.yoy, yAxisIndex: 1, data: points.map((p) => p.yoy), symbolSize: 6 },
    ],
  };
}

/** A small line without axes, for a card: the shape of a history, read in full from the description. */
export function sparklineOption(data: readonly { name: string; value: number | null }[], description: string): ChartOption {
  return {
    color: PALETTE,
    aria: { enabled: true, label: { description } },
    tooltip: { trigger: 'axis', formatter: '{b}: {c}' },
    grid: { left: 4, right: 4, top: 6, bottom: 6 },
    xAxis: { type: 'category', data: data.map((d) => d.name), show: false, boundaryGap: false },
    yAxis: { type: 'value', show: false, scale: true },
    series: [{ type: 'line', data: data.map((d) => d.value), symbolSize: 5, areaStyle: { opacity: 0.12 } }],
  };
}

/**
 * Vertical bars against a goal drawn as a dashed line across them (labelled at its end); the value
 * axis always reaches above the goal, so the line shows even when every bar falls short of it.
 */
export function goalBarOption(data: readonly Datum[], goal: { value: number; label: string } | null, names: { series: string; unit: string }, description: string): ChartOption {
  const top = Math.max(goal?.value ?? 0, ...data.map((d) => d.value));
  return {
    color: PALETTE,
    aria: { enabled: true, label: { description } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.map((d) => d.name), axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value', name: names.unit, ...(top > 0 ? { max: Math.ceil(top * 1.2) } : {}) },
    series: [
      {
        type: 'bar',
        name: names.series,
        data: data.map((d) => d.value),
        barMaxWidth: 48,
        label: { show: true, position: 'top' },
        ...(goal
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#d9534f', width: 2 },
                label: { position: 'insideEndTop', formatter: goal.label, color: '#d9534f' },
                data: [{ yAxis: goal.value }],
              },
            }
          : {}),
      },
    ],
  };
}
