import fs from 'node:fs';
import os from 'node:os';

export interface Row {
  metric: string;
  measured: string;
  target: string;
  /** undefined for reference rows that have no target */
  pass?: boolean;
}

export interface DbSection {
  title: string;
  /** Why this database was not measured. */
  skipped?: string;
  setup: string[];
  rows: Row[];
  notes: string[];
}

export interface Meta {
  date: string;
  quick: boolean;
  node: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  rssMethod: string;
  plan: string;
  /** 1-minute load averages at the start and the end: other jobs on a shared machine skew figures. */
  load: [number, number];
}

export const num = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const secs = (ms: number) => `${num(ms / 1000, 1)} s`;
export const mb = (v: number | null) => (v === null ? 'n/a' : `${num(v)} MB`);
export const pct = (r: number) => `${num(r * 100, r < 0.1 ? 2 : 1)} %`;

/** The CPU model as /proc/cpuinfo names it (os.cpus() as a fallback off Linux). */
export function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1]!.trim();
  } catch {
    // not Linux
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

export function renderSection(s: DbSection): string {
  const out = [`### ${s.title}`, ''];
  if (s.skipped) return [...out, `Skipped: ${s.skipped}`, ''].join('\n');
  for (const line of s.setup) out.push(`- ${line}`);
  out.push('', '| metric | measured | target | result |', '|---|---:|---:|:---:|');
  for (const r of s.rows) out.push(`| ${r.metric} | ${r.measured} | ${r.target} | ${r.pass === undefined ? '—' : r.pass ? 'pass' : '**fail**'} |`);
  if (s.notes.length) {
    out.push('');
    for (const n of s.notes) out.push(`- ${n}`);
  }
  out.push('');
  return out.join('\n');
}

export function renderRun(meta: Meta, sections: DbSection[]): string {
  return [
    `## Latest run${meta.quick ? ' (quick mode: reduced sizes, not comparable)' : ''}`,
    '',
    `- Rerun: \`npm run bench\` at the repository root (\`BENCH_QUICK=1 npm run bench\` for a smoke run; \`BENCH_DATABASE_URL\` picks the PostgreSQL bench database).`,
    `- Date: ${meta.date}`,
    `- Machine: ${meta.cpu}, ${meta.cores} cores, ${num(meta.memoryGb)} GB RAM, Node ${meta.node}, ${os.type()} ${os.release()}`,
    `- Load: ${meta.plan}`,
    `- Peak RSS: ${meta.rssMethod}`,
    `- 1-minute load average: ${num(meta.load[0], 2)} at the start, ${num(meta.load[1], 2)} at the end (above 0 means other work shared the ${meta.cores} cores)`,
    '',
    ...sections.map(renderSection),
  ].join('\n');
}

const BEGIN = '<!-- bench:begin (written by bench/run.ts; edits inside are overwritten) -->';
const END = '<!-- bench:end -->';

const SKELETON = `# Benchmarks

Province-scale figures for the enterprise list and the Excel import, on SQLite and PostgreSQL,
each compared with the raw limit measured in the same run on the same machine (the machine is
shared: compare the ratios, not absolute numbers across days).

${BEGIN}
${END}
`;

/** The markers of a generated block of docs/benchmarks.md: the main run's, or a named section's. */
function markers(block: string | undefined): [string, string] {
  if (!block) return [BEGIN, END];
  return [`<!-- bench:${block}:begin (written by bench/${block}.ts; edits inside are overwritten) -->`, `<!-- bench:${block}:end -->`];
}

/**
 * Replaces one generated block of docs/benchmarks.md (the main run's, or `block`'s) and keeps
 * everything written around it; a block not there yet is added at the end.
 */
export function updateDocs(file: string, generated: string, block?: string): void {
  const [begin, end] = markers(block);
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : SKELETON;
  const start = current.indexOf(begin);
  const stop = current.indexOf(end);
  const base = start >= 0 && stop > start ? current : `${current.trimEnd()}\n\n${begin}\n${end}\n`;
  const s = base.indexOf(begin);
  const e = base.indexOf(end);
  fs.writeFileSync(file, `${base.slice(0, s + begin.length)}\n${generated.trim()}\n${base.slice(e)}`);
}
