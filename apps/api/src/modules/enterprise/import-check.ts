import type { ImportProblem } from '@yuanqu/contracts';
import type { UnitRow } from '../unit/unit.repository';
import { createdValues } from './enterprise';
import { eachRawRow, rowChecker, type ValidRow } from './enterprise-import';

export interface CheckInput {
  file: Uint8Array;
  maxRows: number;
  /** Parks and zones the importing user may place enterprises in, by name and by code. */
  placeable: Map<string, UnitRow>;
  importId: string;
}

/**
 * A checked row with the detail of its audit event should it be created, written here as JSON:
 * on SQLite this runs in the worker thread, and the writing thread only stores and hashes it.
 */
export interface CheckedRow extends ValidRow {
  createdDetail: string;
}

/** Rows checked since the last batch, and the problems found among them. After the first problem no rows are sent: nothing will be written. */
export interface CheckedBatch {
  rows: CheckedRow[];
  problems: ImportProblem[];
}

const BATCH = 500;

/** Reads and checks an enterprise file, a batch of rows at a time; returns how many rows it had. */
export async function* checkedBatches({ file, maxRows, placeable, importId }: CheckInput): AsyncGenerator<CheckedBatch, { rowCount: number }> {
  const checker = rowChecker(placeable);
  let rowCount = 0;
  let failed = false;
  let rows: CheckedRow[] = [];
  for await (const raw of eachRawRow(Buffer.from(file.buffer, file.byteOffset, file.byteLength), maxRows)) {
    rowCount++;
    const valid = checker.check(raw);
    failed ||= checker.problems.length > 0;
    if (valid && !failed) rows.push({ ...valid, createdDetail: JSON.stringify({ importId, values: createdValues(valid.fields) }) });
    if (rows.length >= BATCH || checker.problems.length >= BATCH) {
      // Problems are handed on, not kept: a file of bad rows must not hold them twice.
      yield { rows, problems: checker.problems.splice(0) };
      rows = [];
    }
  }
  yield { rows, problems: checker.problems.splice(0) };
  return { rowCount };
}
