import type { TargetMetric, Verdict } from '@yuanqu/contracts';

export interface TargetRule {
  metric: TargetMetric;
  targetValue: number;
  baselineYear: number;
  targetYear: number;
  trendOnly: boolean;
  riskRatio: number;
}

export interface Standing {
  baseline: number | null;
  current: number | null;
  progress: number | null;
  required: number | null;
  projection: number | null;
  verdict: Verdict;
}

const COUNTS: readonly TargetMetric[] = ['newAboveScale', 'newLargeFirms', 'qualifications'];
/** Goals for a rate or a yearly amount: met year by year, not accumulated towards the target year. */
const RATES: readonly TargetMetric[] = ['growth', 'factoryArea'];

/**
 * Where the value should stand in `year` on the way from the baseline to the goal: compound for
 * totals (they grow by rates), linear for counts, shares and means, the goal itself for a rate.
 */
function requiredAt(rule: TargetRule, baseline: number | null, year: number): number | null {
  const f = (year - rule.baselineYear) / (rule.targetYear - rule.baselineYear);
  if (RATES.includes(rule.metric)) return rule.targetValue;
  if (COUNTS.includes(rule.metric)) return rule.targetValue * f;
  if (baseline === null) return null;
  if (rule.metric === 'sum') return baseline > 0 ? baseline * (rule.targetValue / baseline) ** f : null;
  return baseline + (rule.targetValue - baseline) * f;
}

/** The value in the target year if the pace from the baseline to now holds. */
function projectionOf(rule: TargetRule, baseline: number | null, current: number, year: number): number | null {
  const done = year - rule.baselineYear;
  const left = rule.targetYear - year;
  if (RATES.includes(rule.metric)) return current;
  if (done <= 0) return null;
  if (COUNTS.includes(rule.metric)) return (current * (rule.targetYear - rule.baselineYear)) / done;
  if (baseline === null) return null;
  if (rule.metric === 'sum') return baseline > 0 ? current * (current / baseline) ** (left / done) : null;
  return Math.min(1, Math.max(0, current + ((current - baseline) * left) / done));
}

/**
 * A target's standing at the end of `year`:
 * - after the target year: 达成 (reached) or 未达成 (missed);
 * - before it: 达成 once the goal is met (a rate or a yearly amount only counts at the end); 正常推进 when the
 *   projection at the current pace meets the goal; 有风险 when it reaches `riskRatio` of it;
 *   严重滞后 otherwise;
 * - a trend indicator (提升, no number) is 正常推进 when above its baseline and 严重滞后 if not;
 * - 暂无数据 without a current value.
 */
export function evaluateTarget(rule: TargetRule, year: number, baseline: number | null, current: number | null): Standing {
  const required = requiredAt(rule, baseline, year);
  if (current === null) return { baseline, current, progress: null, required, projection: null, verdict: 'noData' };
  if (rule.trendOnly) {
    const verdict: Verdict = baseline === null ? 'noData' : current > baseline ? 'onTrack' : 'behind';
    return { baseline, current, progress: null, required: null, projection: null, verdict };
  }
  const goal = rule.targetValue;
  const progress = goal > 0 ? current / goal : null;
  const projection = year >= rule.targetYear ? current : projectionOf(rule, baseline, current, year);
  let verdict: Verdict;
  if (year >= rule.targetYear) verdict = current >= goal ? 'reached' : 'missed';
  else if (current >= goal && !RATES.includes(rule.metric)) verdict = 'reached';
  else if (projection !== null && projection >= goal) verdict = 'onTrack';
  else if (projection !== null && projection >= goal * rule.riskRatio) verdict = 'atRisk';
  else verdict = 'behind';
  return { baseline, current, progress, required, projection, verdict };
}
