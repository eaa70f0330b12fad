import { formatPeriod, latestClosedPeriod, parsePeriod, type Frequency } from '@yuanqu/contracts';
import type { Locale } from '../../i18n';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ZH_QUARTERS = ['一', '二', '三', '四'];

/** The span of a cumulative period without the year: 1-6月 / Jan–Jun. */
export function spanLabel(month: number, locale: Locale): string {
  return locale === 'zh-CN' ? `1-${month}月` : `Jan–${EN_MONTHS[month - 1]}`;
}

/**
 * A cumulative period as statisticians write it: 2022年1-6月 / Jan–Jun 2022. With `annualAsYear`,
 * 1-12月 reads as the year itself (2022年 / 2022), as in a yearbook.
 */
export function periodLabel(period: string, locale: Locale, annualAsYear = false): string {
  const p = parsePeriod(period);
  if (!p) return period;
  if (annualAsYear && p.month === 12) return locale === 'zh-CN' ? `${p.year}年` : String(p.year);
  return locale === 'zh-CN' ? `${p.year}年${spanLabel(p.month, locale)}` : `${spanLabel(p.month, locale)} ${p.year}`;
}

/**
 * The label of one point of a series: the month (1-2月 together), the quarter or the year whose
 * own value the point carries.
 */
export function pointLabel(period: string, frequency: Frequency, locale: Locale): string {
  const p = parsePeriod(period);
  if (!p) return period;
  const zh = locale === 'zh-CN';
  if (frequency === 'year') return zh ? `${p.year}年` : String(p.year);
  if (frequency === 'quarter') {
    const q = Math.ceil(p.month / 3);
    return zh ? `${p.year}年${ZH_QUARTERS[q - 1]}季度` : `Q${q} ${p.year}`;
  }
  if (p.month === 2) return periodLabel(period, locale);
  return zh ? `${p.year}年${p.month}月` : `${EN_MONTHS[p.month - 1]} ${p.year}`;
}

/** China Standard Time has no daylight saving: UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/**
 * The latest period that may be reported now, judged by the date in China as the server does,
 * whatever the browser's own time zone (otherwise, for hours around midnight on the 1st, the
 * page would offer a period the server refuses, or hide one it accepts).
 */
export function currentLatestPeriod(now: Date = new Date()): string {
  return latestClosedPeriod(new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10));
}

/** The years a period picker offers, newest first, from the latest period's year back `count` years. */
export function pickerYears(latest: string, count = 10): number[] {
  const year = parsePeriod(latest)?.year ?? new Date().getUTCFullYear();
  return Array.from({ length: count }, (_, i) => year - i);
}

/** The cumulative months (2…12) a year offers; none past the latest closed period. */
export function pickerMonths(year: number, latest: string): number[] {
  const last = parsePeriod(latest);
  const end = !last || year < last.year ? 12 : year > last.year ? 1 : last.month;
  return Array.from({ length: Math.max(0, end - 1) }, (_, i) => i + 2);
}

/** The periods of the latest `years` years up to `latest`, newest first (for choosing a recent period). */
export function recentPeriods(latest: string, years = 2): string[] {
  const last = parsePeriod(latest);
  if (!last) return [];
  const out: string[] = [];
  for (let year = last.year; year > last.year - years; year--) {
    for (let month = year === last.year ? last.month : 12; month >= 2; month--) out.push(formatPeriod({ year, month }));
  }
  return out;
}
