import { type FigureKey, type GroupLabels, type IndicatorDisplay, type ResultRow } from '@yuanqu/contracts';
import { displaysOf } from './evaluation-display';

/** One indicator of a result as the explanation shows it. */
export interface IndicatorLine {
  key: string;
  name: string;
  weight: number;
  direction: 'higher' | 'lower';
  display: IndicatorDisplay;
  value: number | null;
  benchmark: number | null;
  score: number;
  handling: ResultRow['indicators'][number]['handling'];
  /** Points short of the weight (0 at or above it; a ratio score at the benchmark is the full weight). */
  lost: number;
  /** The score as a share of the weight, 0–1, for the bar (a capped-above score fills it). */
  share: number;
}

/** A result's indicators in the group's order, with their labels and display units. */
export function indicatorLines(result: Pick<ResultRow, 'indicators'>, group: GroupLabels): IndicatorLine[] {
  const displays = displaysOf(group);
  return group.indicators.flatMap((i) => {
    const r = result.indicators.find((x) => x.key === i.key);
    if (!r) return [];
    const lost = r.handling === 'excluded' ? 0 : Math.max(0, i.weight - r.score);
    return [{ key: i.key, name: i.name, weight: i.weight, direction: i.direction, display: displays.get(i.key)!, value: r.value, benchmark: r.benchmark, score: r.score, handling: r.handling, lost, share: Math.min(1, Math.max(0, r.score / i.weight)) }];
  });
}

/** The indicators that pulled the total down: below their weight, the most points lost first (excluded ones had their weight spread over the rest). */
export function pulledDown(lines: readonly IndicatorLine[]): IndicatorLine[] {
  return lines.filter((l) => l.lost > 1e-9).sort((a, b) => b.lost - a.lost);
}

/** An indicator without a scored value: how it was handled, and the figures (or land) it lacked — none when a denominator was 0 or no one had a value. */
export interface MissingLine {
  key: string;
  name: string;
  handling: Exclude<IndicatorLine['handling'], 'scored'>;
  lacking: (FigureKey | 'landMu')[];
}

/** Each indicator the result could not score from a value, with what it lacked. */
export function missingLines(result: Pick<ResultRow, 'indicators' | 'missing' | 'landMu'>, group: GroupLabels): MissingLine[] {
  const missing = new Set<string>(result.missing);
  if (result.landMu === null) missing.add('landMu');
  return group.indicators.flatMap((i) => {
    const r = result.indicators.find((x) => x.key === i.key);
    if (!r || r.handling === 'scored') return [];
    const terms = [i.formula.numerator, ...i.formula.denominator];
    return [{ key: i.key, name: i.name, handling: r.handling, lacking: [...new Set(terms)].filter((t) => missing.has(t)) }];
  });
}
