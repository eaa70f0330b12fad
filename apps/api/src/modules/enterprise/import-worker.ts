// The worker thread of an enterprise import: reads and checks the file's rows while the main
// thread writes the rows already checked (see lib/row-worker.ts).
import { workerData } from 'node:worker_threads';
import type { ImportProblem } from '@yuanqu/contracts';
import { serveBatches } from '../../lib/row-worker';
import type { UnitRow } from '../unit/unit.repository';
import { eachRawRow, rowChecker, type ValidRow } from './enterprise-import';

export interface CheckInput {
  file: Uint8Array;
  maxRows: number;
  /** Parks and zones the importing user may place enterprises in, by name and by code. */
  placeable: Map<string, UnitRow>;
}

/** Rows checked since the last batch, and the problems found among them. After the first problem no rows are sent: nothing will be written. */
export interface CheckedBatch {
  rows: ValidRow[];
  problems: ImportProblem[];
}

const BATCH = 500;

const { file, maxRows, placeable } = workerData as CheckInput;
await serveBatches<CheckedBatch, { rowCount: number }>(async (emit) => {
  const checker = rowChecker(placeable);
  let rowCount = 0;
  let reported = 0;
  let rows: ValidRow[] = [];
  const flush = async () => {
    await emit({ rows, problems: checker.problems.slice(reported) });
    reported = checker.problems.length;
    rows = [];
  };
  for await (const raw of eachRawRow(Buffer.from(file.buffer, file.byteOffset, file.byteLength), maxRows)) {
    rowCount++;
    const valid = checker.check(raw);
    if (valid && checker.problems.length === 0) rows.push(valid);
    if (rows.length >= BATCH || checker.problems.length - reported >= BATCH) await flush();
  }
  await flush();
  return { rowCount };
});
