import type { RunResult } from '@yuanqu/contracts';
import type { FeatureStyle } from '../../components/map/use-ol-map';
import { withAlpha } from '../land/parcel-display';
import { CLASS_COLORS, UNRATED_COLOR, type ClassMark } from './evaluation-display';

/** Each enterprise's class in the run (T included); enterprises out of scope or not in the run are not in it. */
export function classByEnterprise(results: readonly RunResult[]): Map<string, ClassMark> {
  return new Map(results.filter((r) => r.class !== null).map((r) => [r.enterpriseId, r.class!]));
}

/** A parcel coloured by its holder’s class (未评价 pale grey with a thin grey outline); the selected one denser and outlined thicker. */
export function classParcelStyle(mark: ClassMark | null, selected: boolean): FeatureStyle {
  const color = mark ? CLASS_COLORS[mark] : UNRATED_COLOR;
  if (selected) return { fill: withAlpha(color, 0.8), stroke: '#1f2d3d', width: 3 };
  return mark ? { fill: withAlpha(color, 0.55), stroke: color, width: 1.5 } : { fill: withAlpha(color, 0.35), stroke: '#b1b3b8', width: 1 };
}

/** How many parcels show each class (and 未评价) for the legend. */
export function parcelClassCounts(holders: readonly (string | null)[], classes: ReadonlyMap<string, ClassMark>): Record<ClassMark | 'unrated', number> {
  const counts = { A: 0, B: 0, C: 0, D: 0, T: 0, unrated: 0 };
  for (const h of holders) counts[(h && classes.get(h)) || 'unrated'] += 1;
  return counts;
}
