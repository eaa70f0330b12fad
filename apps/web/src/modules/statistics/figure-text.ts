import type { FigureKey, FigureWarning } from '@yuanqu/contracts';
import type { Translate } from '../../utils/zod-errors';
import { displayOf, formatNumber, formatShare, formatValue, withUnit, type Display, type DisplayUnit } from './figure-units';

/** The label of a display unit in the current language; flags have none. */
export function unitLabel(unit: DisplayUnit, t: Translate): string {
  return unit === 'flag' ? '' : t(`figureUnits.${unit}`);
}

/** A number followed by its unit: 64.35亿元 / 64.35 ×100M CNY / 65.0%. */
export function joinUnit(number: string, unit: string, locale: string): string {
  if (!unit || unit === '%' || locale === 'zh-CN') return `${number}${unit}`;
  return `${number} ${unit}`;
}

/** A figure's name; across enterprises 上云 is a share and the CNC rate a mean, and say so. */
export function figureLabel(key: FigureKey, t: Translate, aggregate = false): string {
  return aggregate && (key === 'cloudAdopted' || key === 'cncRate') ? t(`figureAggregates.${key}`) : t(`figures.${key}`);
}

/** "主营业务收入（万元）": a figure's name with the unit its values are shown in. */
export function figureHeader(key: FigureKey, t: Translate, locale: string, options: { big?: boolean; aggregate?: boolean } = {}): string {
  return withUnit(figureLabel(key, t, options.aggregate), unitLabel(displayOf(key, options).unit, t), locale);
}

/** A stored value with its unit, as a sentence quotes it: 1,234.57万元, 是. */
export function valueWithUnit(value: number, display: Display, t: Translate, locale: string): string {
  const yesNo = (yes: boolean) => t(yes ? 'common.yes' : 'common.no');
  if (display.unit === 'flag') return formatValue(value, display, yesNo);
  return joinUnit(formatValue(value, display), unitLabel(display.unit, t), locale);
}

/** One plausibility warning as a sentence with its numbers, for the enterprise and the reviewer alike. */
export function warningText(w: FigureWarning, t: Translate, locale: string): string {
  const display = displayOf(w.field);
  const amount = (v: number) => valueWithUnit(v, display, t, locale);
  const params = {
    field: figureLabel(w.field, t),
    referenceField: w.referenceField ? figureLabel(w.referenceField, t) : '',
    value: amount(w.value),
    reference: amount(w.reference),
    factor: w.factor === null ? '' : String(w.factor),
  };
  if (w.code !== 'monthJump') return t(`warnings.${w.code}`, params);
  const ratio = w.reference > 0 ? w.value / w.reference : 0;
  return ratio >= 1
    ? t('warnings.monthJumpUp', { ...params, ratio: formatNumber(ratio, 1) })
    : t('warnings.monthJumpDown', { ...params, ratio: formatShare(ratio) });
}
