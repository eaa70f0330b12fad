import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { CATEGORY_LABELS, CHAIN_LABELS, COLUMNS, SCALE_LABELS } from '../apps/api/src/modules/enterprise/enterprise-columns';
import { completeUscc, USCC_CHARSET } from '../packages/contracts/src/uscc';

const CHAIN_KEYS = Object.keys(CHAIN_LABELS) as (keyof typeof CHAIN_LABELS)[];

/**
 * `labels`: the enumerated columns as a clerk types them (unit name, 新材料, 工业企业, 规上, 是/否).
 * `codes`: the same rows with the ASCII spellings the importer also accepts (unit code, chain,
 * category and scale keys; 是/否 columns left empty), so no enumerated cell can be cut by the
 * exceljs decoding bug described in xlsx-read.ts. Names and addresses stay Chinese in both.
 */
export type Variant = 'labels' | 'codes';

export interface PlaceUnit {
  name: string;
  code: string;
}
// Codes the GB/T 4754-2017 dictionary accepts (the same ones `yuanqu generate` uses).
const INDUSTRY_CODES = ['3985', '3311', '2614', '3599', '5990', '3471', '2929', '3039', '3821', '7530'];

/**
 * A USCC no other row and no generated enterprise has: division 320500 (generated data uses 36xxxx)
 * and the row number, in base 31, as the organisation-code body.
 */
export function benchUscc(n: number): string {
  let body = '';
  for (let i = 0, v = n; i < 8; i++, v = Math.floor(v / 31)) body = USCC_CHARSET[v % 31] + body;
  return completeUscc(`91320500${body}`);
}

/** One row in template order, as a clerk fills it in: labels, 是/否, dates as text, every column used. */
function rowOf(n: number, units: readonly PlaceUnit[], variant: Variant): Record<(typeof COLUMNS)[number]['key'], string | number | null> {
  const labels = variant === 'labels';
  const chain = CHAIN_KEYS[n % CHAIN_KEYS.length]!;
  const above = n % 3 === 0;
  const yes = (b: boolean) => (labels ? (b ? '是' : '否') : null);
  const unit = units[n % units.length]!;
  return {
    uscc: benchUscc(n),
    name: `基准导入企业${String(n).padStart(6, '0')}有限公司`,
    legalRepresentative: `法人${n % 997}`,
    address: `合成省合成市产业大道${n}号`,
    unitId: labels ? unit.name : unit.code,
    industryChain: labels ? CHAIN_LABELS[chain] : chain,
    industryCode: INDUSTRY_CODES[n % INDUSTRY_CODES.length]!,
    category: labels ? CATEGORY_LABELS.industrial : 'industrial',
    scale: labels ? SCALE_LABELS[above ? 'above' : 'below'] : above ? 'above' : 'below',
    scaleSince: above ? '2022-01-01' : null,
    establishedOn: `20${String(n % 24).padStart(2, '0')}-${String(1 + (n % 12)).padStart(2, '0')}-15`,
    twoHigh: yes(n % 20 === 0),
    nearYangtze: yes(n % 25 === 0),
    cloudAdopted: yes(n % 2 === 0),
    cncRate: (n % 1000) / 10,
    contactName: `联系人${n % 389}`,
    contactPhone: `0791-8${String(n % 10_000_000).padStart(7, '0')}`,
    description: '基准测试导入数据，主营业务为合成制造与技术服务。',
  };
}

/**
 * Writes `rows` valid import rows with exceljs's streaming writer (a 100k-row in-memory workbook
 * needs over 1 GB). Inline strings, like the product's own export: an export re-imports as is.
 */
export async function writeImportWorkbook(file: string, rows: number, units: readonly PlaceUnit[], variant: Variant): Promise<{ ms: number; bytes: number }> {
  if (units.length === 0) throw new Error('no park or zone to place the imported enterprises in');
  const started = performance.now();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('企业');
  ws.addRow(COLUMNS.map((c) => c.header)).commit();
  for (let n = 1; n <= rows; n++) {
    const r = rowOf(n, units, variant);
    ws.addRow(COLUMNS.map((c) => r[c.key])).commit();
  }
  ws.commit();
  await wb.commit();
  return { ms: performance.now() - started, bytes: fs.statSync(file).size };
}
