import type { Locale } from '../i18n';

/** Timestamps are shown in the base's own time zone, whatever the browser says. */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

const EMPTY = '—';
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` as 2025年3月5日 (zh) or 2025-03-05 (en); no time zone shift. */
export function formatDate(value: string | null | undefined, locale: Locale): string {
  if (!value) return EMPTY;
  const m = DATE_RE.exec(value.slice(0, 10));
  if (!m) return value;
  const [, y, mo, d] = m;
  return locale === 'zh-CN' ? `${y}年${Number(mo)}月${Number(d)}日` : `${y}-${mo}-${d}`;
}

/** The month of a calendar date `YYYY-MM-DD` (or `YYYY-MM`) as 2025年3月 (zh) or 2025-03 (en). */
export function formatMonth(value: string | null | undefined, locale: Locale): string {
  if (!value) return EMPTY;
  const m = /^(\d{4})-(\d{2})/.exec(value);
  if (!m) return value;
  return locale === 'zh-CN' ? `${m[1]}年${Number(m[2])}月` : `${m[1]}-${m[2]}`;
}

// en-CA yields ISO-ordered parts; both languages show the same unambiguous `YYYY-MM-DD HH:mm`.
const dateTimeFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An ISO instant as `YYYY-MM-DD HH:mm` in Asia/Shanghai. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** A percentage stored as 0–100 (e.g. the CNC rate): 65 → "65%", 62.35 → "62.4%". */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return EMPTY;
  return `${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 }).format(value)}%`;
}

/** An integer with thousands separators: 12345 → "12,345". */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return EMPTY;
  return new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 }).format(value);
}

/** A file size for limits shown to users: 20971520 → "20 MB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** "code name" for a national industry code, or just the code when the name is unknown. */
export function formatIndustry(code: string | null | undefined, name: string | null | undefined): string {
  if (!code) return EMPTY;
  return name ? `${code} ${name}` : code;
}
