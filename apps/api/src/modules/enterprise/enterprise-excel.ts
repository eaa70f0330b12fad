import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Enterprise } from '@yuanqu/contracts';
import type { UnitRow } from '../unit/unit.repository';
import { CATEGORY_LABELS, CHAIN_LABELS, COLUMNS, neutralise, QUALIFICATION_LABELS, SCALE_LABELS } from './enterprise-columns';

const EXTRA = [
  { header: '行业名称', width: 24 },
  { header: '资质', width: 40 },
  { header: '状态', width: 8 },
  { header: '更新时间', width: 20 },
];

function cellOf(e: Enterprise, key: (typeof COLUMNS)[number]['key'], units: ReadonlyMap<string, UnitRow>): string | number | null {
  switch (key) {
    case 'unitId':
      return units.get(e.unitId)?.name ?? e.unitId;
    case 'industryChain':
      return CHAIN_LABELS[e.industryChain];
    case 'category':
      return CATEGORY_LABELS[e.category];
    case 'scale':
      return SCALE_LABELS[e.scale];
    case 'twoHigh':
    case 'nearYangtze':
    case 'cloudAdopted':
      return e[key] ? '是' : '否';
    case 'cncRate':
      return e.cncRate;
    default:
      return e[key];
  }
}

/** The export row: the import columns first (so an export re-imports as is), then read-only extras. */
export function exportRow(e: Enterprise, units: ReadonlyMap<string, UnitRow>): (string | number | null)[] {
  const quals = e.qualifications.map((q) => `${QUALIFICATION_LABELS[q.type]}(${q.grantedOn}${q.expiresOn ? `~${q.expiresOn}` : ''})`).join('；');
  const cells = [...COLUMNS.map((c) => cellOf(e, c.key, units)), e.industryName, quals, e.status === 'active' ? '在册' : '已归档', e.updatedAt];
  return cells.map((v) => (typeof v === 'string' ? neutralise(v) : v));
}

/** Streams a workbook built from pages of rows; the HTTP reply reads the returned stream. */
export function streamWorkbook(sheetName: string, withExtras: boolean, fill: (add: (cells: (string | number | null)[]) => void) => Promise<void>): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = [...COLUMNS.map((c) => ({ header: c.header, width: c.width })), ...(withExtras ? EXTRA : [])];
  ws.columns = headers.map((h) => ({ header: h.header, width: h.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  fill((cells) => ws.addRow(cells).commit())
    .then(() => {
      ws.commit();
      return wb.commit();
    })
    .catch((err: unknown) => out.destroy(err as Error));
  return out;
}

/** The import template: the header row, and a sheet explaining each column and its allowed values. */
export async function templateWorkbook(units: UnitRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业');
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ header: '列', width: 20 }, { header: '必填', width: 6 }, { header: '说明', width: 90 }];
  const placeable = units.filter((u) => u.kind === 'park' || u.kind === 'zone').map((u) => u.name);
  const notes: Record<string, string> = {
    uscc: '18位统一社会信用代码（GB 32100-2015），系统校验校验位；已存在的代码将更新该企业',
    unitId: `填写园区或功能区名称：${placeable.join('、')}`,
    industryChain: Object.values(CHAIN_LABELS).join('、'),
    industryCode: 'GB/T 4754-2017 行业代码，2-4位数字，如 3985',
    category: Object.values(CATEGORY_LABELS).join('、'),
    scale: '规上 或 规下（规上：年主营业务收入2000万元及以上）',
    scaleSince: '日期，如 2022-01-01',
    establishedOn: '日期，如 2015-06-30',
    twoHigh: '是 或 否',
    nearYangtze: '是 或 否',
    cloudAdopted: '是 或 否',
    cncRate: '0-100 的数字',
  };
  for (const c of COLUMNS) help.addRow([c.header, c.required ? '是' : '', notes[c.key] ?? '']);
  help.addRow([]);
  help.addRow(['', '', '整个文件先全部校验：任何一行有错，全部不导入，并逐行列出错误。资质请在系统中逐条维护。']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
