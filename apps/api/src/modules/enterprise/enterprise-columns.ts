import {
  ENTERPRISE_CATEGORIES,
  INDUSTRY_CHAINS,
  QUALIFICATION_TYPES,
  SCALES,
  type EnterpriseCategory,
  type IndustryChain,
  type QualificationType,
  type Scale,
} from '@yuanqu/contracts';

// The spreadsheet speaks the clerk's language: Chinese headers and labels, 是/否, 2025-03-05.

export const CHAIN_LABELS: Record<IndustryChain, string> = {
  newMaterials: '新材料',
  equipment: '装备制造',
  petrochemical: '石油化工',
  digital: '数字经济',
  logistics: '商贸物流',
  techService: '科技服务',
};
export const CATEGORY_LABELS: Record<EnterpriseCategory, string> = { industrial: '工业企业', logistics: '物流仓储', incubator: '孵化器', other: '其他' };
export const SCALE_LABELS: Record<Scale, string> = { above: '规上', below: '规下' };
export const QUALIFICATION_LABELS: Record<QualificationType, string> = {
  highTech: '高新技术企业',
  srdiSme: '专精特新中小企业',
  provincialSrdi: '省级专精特新',
  littleGiant: '专精特新"小巨人"',
  provincialKey: '省重点企业',
  nationalIncubator: '国家级科技企业孵化器',
  makerSpace: '众创空间',
};

export type ColumnKind = 'text' | 'date' | 'bool' | 'percent' | 'unit' | 'chain' | 'category' | 'scale';

/** The import/export columns, in template order. `required` columns must be present and filled. */
export const COLUMNS = [
  { key: 'uscc', header: '统一社会信用代码', kind: 'text', required: true, width: 22 },
  { key: 'name', header: '企业名称', kind: 'text', required: true, width: 32 },
  { key: 'legalRepresentative', header: '法定代表人', kind: 'text', required: false, width: 12 },
  { key: 'address', header: '注册地址', kind: 'text', required: false, width: 30 },
  { key: 'unitId', header: '所属园区/功能区', kind: 'unit', required: true, width: 24 },
  { key: 'industryChain', header: '产业(3+3)', kind: 'chain', required: true, width: 12 },
  { key: 'industryCode', header: '国民经济行业代码', kind: 'text', required: true, width: 16 },
  { key: 'category', header: '企业类型', kind: 'category', required: true, width: 10 },
  { key: 'scale', header: '规模', kind: 'scale', required: true, width: 8 },
  { key: 'scaleSince', header: '规模认定日期', kind: 'date', required: false, width: 14 },
  { key: 'establishedOn', header: '成立日期', kind: 'date', required: false, width: 14 },
  { key: 'twoHigh', header: '两高项目', kind: 'bool', required: false, width: 10 },
  { key: 'nearYangtze', header: '长江岸线一公里内', kind: 'bool', required: false, width: 16 },
  { key: 'cloudAdopted', header: '已上云', kind: 'bool', required: false, width: 8 },
  { key: 'cncRate', header: '装备数控化率(%)', kind: 'percent', required: false, width: 16 },
  { key: 'contactName', header: '联系人', kind: 'text', required: false, width: 10 },
  { key: 'contactPhone', header: '联系电话', kind: 'text', required: false, width: 16 },
  { key: 'description', header: '企业简介', kind: 'text', required: false, width: 40 },
] as const satisfies readonly { key: string; header: string; kind: ColumnKind; required: boolean; width: number }[];

export type Column = (typeof COLUMNS)[number];

/** Label → key for an enumerated column; accepts the key itself too. */
export function labelLookup<K extends string>(labels: Record<K, string>, keys: readonly K[]): Map<string, K> {
  const m = new Map<string, K>();
  for (const k of keys) {
    m.set(labels[k], k);
    m.set(k, k);
  }
  return m;
}

export const CHAINS_BY_LABEL = labelLookup(CHAIN_LABELS, INDUSTRY_CHAINS);
export const CATEGORIES_BY_LABEL = labelLookup(CATEGORY_LABELS, ENTERPRISE_CATEGORIES);
export const SCALES_BY_LABEL = labelLookup(SCALE_LABELS, SCALES);
export const QUALIFICATION_KEYS = QUALIFICATION_TYPES;

/** Spreadsheet formula injection (CWE-1236): a text cell must not start a formula in Excel or WPS. */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Undoes neutralise() on a cell read back, so an exported file re-imports unchanged. */
export function unneutralise(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
