import { ENTERPRISE_CATEGORIES, ENTERPRISE_STATUSES, INDUSTRY_CHAINS, QUALIFICATION_TYPES, SCALES, type Enterprise } from '@yuanqu/contracts';
import type { Locale } from '../../i18n';
import { formatDate, formatPercent } from '../../utils/format';
import type { Translate } from '../../utils/zod-errors';

const EMPTY = '—';

/** 浔阳区 / 城东工业基地 / 3号园 / 高端制造功能区 */
export function unitPathText(enterprise: Pick<Enterprise, 'unitPath'>): string {
  return enterprise.unitPath.map((u) => u.name).join(' / ') || EMPTY;
}

const ENUM_FIELDS: Record<string, { prefix: string; values: readonly string[] }> = {
  industryChain: { prefix: 'chains', values: INDUSTRY_CHAINS },
  category: { prefix: 'categories', values: ENTERPRISE_CATEGORIES },
  scale: { prefix: 'scales', values: SCALES },
  status: { prefix: 'statuses', values: ENTERPRISE_STATUSES },
};
const BOOLEAN_FIELDS = new Set(['twoHigh', 'nearYangtze', 'cloudAdopted', 'isDemo']);
const DATE_FIELDS = new Set(['scaleSince', 'establishedOn']);

export interface DisplayContext {
  t: Translate;
  locale: Locale;
  /** Unit id → name, for `unitId` values (history and conflicts carry ids). */
  unitName?: (id: string) => string | undefined;
}

function qualificationText(value: unknown, ctx: DisplayContext): string {
  const q = value as { type?: string; grantedOn?: string } | null;
  if (!q?.type) return String(value);
  const type = (QUALIFICATION_TYPES as readonly string[]).includes(q.type) ? ctx.t(`qualifications.${q.type}`) : q.type;
  return q.grantedOn ? `${type} ${formatDate(q.grantedOn, ctx.locale)}` : type;
}

/** A field value as a reader sees it: enums and flags translated, dates and percentages formatted. */
export function displayValue(field: string, value: unknown, ctx: DisplayContext): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  const enumField = ENUM_FIELDS[field];
  if (enumField && enumField.values.includes(String(value))) return ctx.t(`${enumField.prefix}.${String(value)}`);
  if (BOOLEAN_FIELDS.has(field)) return ctx.t(value ? 'common.yes' : 'common.no');
  if (DATE_FIELDS.has(field)) return formatDate(String(value), ctx.locale);
  if (field === 'cncRate' && typeof value === 'number') return formatPercent(value);
  if (field === 'unitId') return ctx.unitName?.(String(value)) ?? String(value);
  if (field === 'qualifications' && Array.isArray(value)) {
    return value.length ? value.map((q) => qualificationText(q, ctx)).join(ctx.locale === 'zh-CN' ? '、' : ', ') : EMPTY;
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The label of a field, or the raw name for a field this version of the app does not know. */
export function fieldLabel(field: string, t: Translate, te: (key: string) => boolean): string {
  return te(`fields.${field}`) ? t(`fields.${field}`) : field;
}
