import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { fromWorker, workerSource } from './row-worker';

const source = workerSource(import.meta.url, 'row-worker.fixture');
const counter = () => new Int32Array(new SharedArrayBuffer(4));

describe('fromWorker', () => {
  it('yields every batch in order and returns what the worker ended with, never letting it run more than four batches ahead', async () => {
    const emitted = counter();
    const run = fromWorker<number, { total: number }>(source, { batches: 12, failAt: null, emitted });
    const seen: number[] = [];
    let next = await run.next();
    while (!next.done) {
      seen.push(next.value);
      await sleep(30);
      expect(Atomics.load(emitted, 0)).toBeLessThanOrEqual(seen.length + 4);
      next = await run.next();
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(next.value).toEqual({ total: 12 });
  });

  it('throws an AppError from the worker with its code and details', async () => {
    const run = fromWorker<number, { total: number }>(source, { batches: 5, failAt: 2, emitted: counter() });
    const seen: number[] = [];
    const failure = await (async () => {
      for await (const b of run) seen.push(b);
    })().catch((err: unknown) => err);
    expect(seen).toEqual([0, 1]);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'IMPORT_INVALID', details: { problems: [{ row: 2 }] } });
  });

  it('refuses a file whose reading outgrows the worker heap as too large when unpacked', async () => {
    const run = fromWorker<number, unknown>(source, { batches: 1, failAt: null, emitted: counter(), hoard: true });
    await expect(run.next()).rejects.toMatchObject({ code: 'IMPORT_FILE_REJECTED', details: { reason: 'tooLarge' } });
  });

  it('stops the worker when the reader stops early', async () => {
    const emitted = counter();
    for await (const b of fromWorker<number, unknown>(source, { batches: 1000, failAt: null, emitted })) if (b === 1) break;
    const stoppedAt = Atomics.load(emitted, 0);
    await sleep(100);
    expect(stoppedAt).toBeLessThanOrEqual(6);
    expect(Atomics.load(emitted, 0)).toBe(stoppedAt);
  });
});
