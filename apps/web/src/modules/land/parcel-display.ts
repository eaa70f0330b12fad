import type { LandUse, ParcelCollection, ParcelStatus, StandardLand, Tenure } from '@yuanqu/contracts';
import type { FeatureStyle } from '../../components/map/use-ol-map';
import type { Locale } from '../../i18n';
import { shiftNumber } from '../../utils/decimal';
import { formatDate } from '../../utils/format';
import { formatNumber } from '../statistics/figure-units';

/** A parcel as the list sends it: every field but the outline. */
export type ParcelProperties = ParcelCollection['features'][number]['properties'];

const EMPTY = '—';
/** 1 亩 = 10000/15 ㎡ (the API's areaMu uses the same factor). */
const SQM_PER_MU = 10_000 / 15;

/** One colour per status, in the order the land goes through them: grey, amber, blue, green, red, purple. */
export const STATUS_COLORS: Record<ParcelStatus, string> = {
  unsupplied: '#909399',
  suppliedNotStarted: '#e6a23c',
  underConstruction: '#409eff',
  producing: '#67c23a',
  suspended: '#f56c6c',
  recovered: '#8e44ad',
};

/** The Element Plus tag type of a status, so the table and the card agree with the map. */
export const STATUS_TAG: Record<ParcelStatus, 'info' | 'warning' | 'primary' | 'success' | 'danger'> = {
  unsupplied: 'info',
  suppliedNotStarted: 'warning',
  underConstruction: 'primary',
  producing: 'success',
  suspended: 'danger',
  recovered: 'info',
};

/** `#rrggbb` with an alpha channel as `rgba(r, g, b, a)`. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** How a parcel is drawn: its status colour, filled translucently; the selected one denser and outlined thicker. */
export function parcelStyle(status: ParcelStatus, selected: boolean): FeatureStyle {
  const color = STATUS_COLORS[status];
  return selected ? { fill: withAlpha(color, 0.75), stroke: '#1f2d3d', width: 3 } : { fill: withAlpha(color, 0.45), stroke: color, width: 1.5 };
}

/** Square metres with thousands separators, no decimals: 12345.6 → "12,346". */
export function formatSqm(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? EMPTY : formatNumber(value, 0);
}

/** 亩 with two decimals: 66.6666 → "66.67". */
export function formatMu(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? EMPTY : formatNumber(value, 2);
}

/** ㎡ → 亩, for areas the API sends only in ㎡ (developed area, leases). */
export function sqmToMu(sqm: number): number {
  return sqm / SQM_PER_MU;
}

/** An amount in 元 as 万元 with thousands separators and two decimals: 12_345_678 → "1,234.57". */
export function formatWan(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return EMPTY;
  return formatNumber(Number(shiftNumber(yuan, 4)), 2);
}

const STANDARD_KEYS = ['investmentIntensity', 'plotRatio', 'taxPerMu', 'energyPerValue', 'emissionPerValue'] as const;

/** Everything the parcel card shows, formatted; labels and units stay i18n keys for the component. */
export interface ParcelCard {
  id: string;
  code: string;
  name: string;
  holder: { id: string; name: string } | null;
  registeredSqm: string;
  registeredMu: string;
  computedSqm: string;
  areaMismatch: boolean;
  landUse: LandUse;
  tenure: Tenure | null;
  /** null when not recorded, so the card can show a bare dash without a unit. */
  priceWan: string | null;
  dates: { key: 'contractSignedOn' | 'agreedStartOn' | 'agreedCompletionOn' | 'actualStartOn'; value: string }[];
  standard: { key: keyof StandardLand; value: string }[];
  status: ParcelStatus;
  /** Newest first. */
  history: { status: ParcelStatus; since: string; actor: string | null }[];
  unitName: string;
  leases: { lesseeEnterpriseId: string; lesseeName: string; areaSqm: string; areaMu: string; from: string; to: string | null }[];
  developed: { sqm: string; mu: string } | null;
  investmentWan: string | null;
}

/** A parcel's properties as the card shows them. */
export function parcelCard(p: ParcelProperties, locale: Locale): ParcelCard {
  const dateKeys = ['contractSignedOn', 'agreedStartOn', 'agreedCompletionOn', 'actualStartOn'] as const;
  return {
    id: p.id,
    code: p.code,
    name: p.name ?? EMPTY,
    holder: p.holderEnterpriseId ? { id: p.holderEnterpriseId, name: p.holderName ?? p.holderEnterpriseId } : null,
    registeredSqm: formatSqm(p.registeredAreaSqm),
    registeredMu: formatMu(p.areaMu),
    computedSqm: formatSqm(p.computedAreaSqm),
    areaMismatch: p.areaMismatch,
    landUse: p.landUse,
    tenure: p.tenure,
    priceWan: p.priceYuan === null ? null : formatWan(p.priceYuan),
    dates: dateKeys.map((key) => ({ key, value: formatDate(p[key], locale) })),
    standard: p.standard
      ? STANDARD_KEYS.flatMap((key) => {
          const value = p.standard![key];
          return value === null ? [] : [{ key, value: formatNumber(value, key === 'plotRatio' ? 1 : 2) }];
        })
      : [],
    status: p.status,
    history: [...p.statusHistory].sort((a, b) => b.since.localeCompare(a.since)).map((h) => ({ ...h, since: formatDate(h.since, locale) })),
    unitName: p.unitName,
    leases: p.leases.map((l) => ({
      lesseeEnterpriseId: l.lesseeEnterpriseId,
      lesseeName: l.lesseeName ?? l.lesseeEnterpriseId,
      areaSqm: formatSqm(l.areaSqm),
      areaMu: formatMu(sqmToMu(l.areaSqm)),
      from: formatDate(l.from, locale),
      to: l.to ? formatDate(l.to, locale) : null,
    })),
    developed: p.developedAreaSqm === null ? null : { sqm: formatSqm(p.developedAreaSqm), mu: formatMu(sqmToMu(p.developedAreaSqm)) },
    investmentWan: p.investmentYuan === null ? null : formatWan(p.investmentYuan),
  };
}
