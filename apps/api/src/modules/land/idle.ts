import { GOVERNMENT_DELAY_OPTIONS, SQM_PER_MU } from '@yuanqu/contracts';

/** What the idle-land rules read of a parcel (methodology §2, 闲置土地处置办法 2012). */
export interface IdleInput {
  status: string;
  agreedStartOn: string | null;
  actualStartOn: string | null;
  /** The date the current status began (for 停产: when construction stopped). */
  statusSince: string;
  registeredAreaSqm: number;
  developedAreaSqm: number | null;
  investmentYuan: number | null;
  priceYuan: number | null;
  /** 标准地 投资强度, 万元/亩: the total investment due is this × the parcel's 亩. */
  investmentIntensity: number | null;
  /** A government-caused delay is recorded for the parcel. */
  governmentDelay: boolean;
}

export interface IdleFinding {
  /** 收取闲置费 / 无偿收回 when the holder is at fault; 政府原因 when a government-caused delay is recorded. */
  kind: 'idleFee' | 'recovery' | 'governmentDelay';
  /** The day the parcel counts as idle from. */
  idleSince: string;
  fullYears: number;
  /** 土地闲置费: 20 % of the land price, for the first full year; null for recovery or no price. */
  feeYuan: number | null;
  rule: 'notStarted' | 'stalled';
  /** The lawful options instead of a fee, for a government-caused delay. */
  options: readonly (typeof GOVERNMENT_DELAY_OPTIONS)[number][] | null;
}

export const addYears = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

/** Whole years from `from` to `to` (dates `YYYY-MM-DD`), counting a year only once its anniversary is reached. */
export function fullYears(from: string, to: string): number {
  let n = Math.max(0, Number(to.slice(0, 4)) - Number(from.slice(0, 4)));
  while (n > 0 && addYears(from, n) > to) n--;
  return n;
}

/**
 * The idle-land rules on a day: a parcel not started one full year after the agreed start, or
 * started but stalled for a full year with less than a third of its area developed or less than
 * a quarter of its investment made, is idle — one full year: a fee of 20 % of the land price;
 * two full years: recovery without compensation. With a government-caused delay recorded there
 * is no fee and no forfeiture; the lawful options are offered instead.
 */
export function idleFinding(p: IdleInput, asOf: string): IdleFinding | null {
  if (p.status === 'recovered' || p.status === 'unsupplied') return null;
  let idleFrom: string | null = null;
  let rule: IdleFinding['rule'] = 'notStarted';
  if (!p.actualStartOn && p.agreedStartOn && p.status === 'suppliedNotStarted') idleFrom = p.agreedStartOn;
  else if (p.status === 'suspended') {
    const dueInvestment = p.investmentIntensity === null ? null : p.investmentIntensity * 10_000 * (p.registeredAreaSqm / SQM_PER_MU);
    const littleBuilt = p.developedAreaSqm !== null && p.developedAreaSqm < p.registeredAreaSqm / 3;
    const littleInvested = dueInvestment !== null && p.investmentYuan !== null && p.investmentYuan < dueInvestment * 0.25;
    if (littleBuilt || littleInvested) {
      idleFrom = p.statusSince;
      rule = 'stalled';
    }
  }
  if (!idleFrom) return null;
  const years = fullYears(idleFrom, asOf);
  if (years < 1) return null;
  const idleSince = addYears(idleFrom, 1);
  if (p.governmentDelay) return { kind: 'governmentDelay', idleSince, fullYears: years, feeYuan: null, rule, options: GOVERNMENT_DELAY_OPTIONS };
  if (years >= 2) return { kind: 'recovery', idleSince, fullYears: years, feeYuan: null, rule, options: null };
  return { kind: 'idleFee', idleSince, fullYears: years, feeYuan: p.priceYuan === null ? null : Math.round(p.priceYuan * 0.2), rule, options: null };
}
