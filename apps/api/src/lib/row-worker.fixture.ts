// A worker for row-worker.test.ts: emits `batches` numbered batches, counting each emit in the
// shared counter so the test can see how far ahead of its reader the worker got; `failAt` throws
// an AppError at that batch instead; `hoard` keeps ever more strings until the heap limit.
import { workerData } from 'node:worker_threads';
import { AppError } from './errors';
import { serveBatches } from './row-worker';

const { batches, failAt, emitted, hoard } = workerData as { batches: number; failAt: number | null; emitted: Int32Array; hoard?: boolean };
const kept: string[] = [];
async function* numbered(): AsyncGenerator<number, { total: number }> {
  for (let i = 0; i < batches; i++) {
    while (hoard) kept.push(`${i}`.repeat(1000) + kept.length);
    if (i === failAt) throw new AppError('IMPORT_INVALID', 'row problems', { problems: [{ row: i }] });
    yield i;
    Atomics.add(emitted, 0, 1);
  }
  return { total: batches };
}
await serveBatches(numbered());
