import path from 'node:path';
import { runMeasured, type Measured } from './proc';

export interface RawRead {
  /** The median run: its process (peak RSS) and what it printed. */
  read: Measured;
  out: { rows: number; cells: number; garbled: number; ms: number };
  /** Every run's time, fastest first. */
  allMs: number[];
}

/**
 * The raw limit for an import file: exceljs's streaming read (xlsx-read.ts), three times, each in
 * its own process; the median run counts. One read disturbed by other work on the two cores once
 * measured 6.3 s against 3.0 s for the same file earlier in the run, and passed an import that a
 * steady read would have failed.
 */
export async function rawRead(node: string, bench: string, file: string): Promise<RawRead> {
  const runs: { read: Measured; out: RawRead['out'] }[] = [];
  for (let i = 0; i < 3; i++) {
    const read = await runMeasured(node, ['--import', 'tsx', path.join(bench, 'xlsx-read.ts'), file], { cwd: bench });
    if (read.code !== 0) throw new Error(`xlsx-read exited with ${read.code}:\n${(read.stderr || read.stdout).trim().slice(0, 2000)}`);
    runs.push({ read, out: JSON.parse(read.stdout.trim().split('\n').pop()!) as RawRead['out'] });
  }
  runs.sort((a, b) => a.out.ms - b.out.ms);
  return { ...runs[1]!, allMs: runs.map((r) => r.out.ms) };
}
