import { parentPort, Worker } from 'node:worker_threads';
import type { ErrorCode } from '@yuanqu/contracts';
import { AppError } from './errors';

/**
 * Reading and checking an import file runs in a worker thread while the main thread writes what
 * was already checked: on two cores a 100,000-row import overlaps the XML scanning and row checks
 * with the database work instead of doing them in turn. The worker sends batches; it may run at
 * most AHEAD batches in front of the writer, so a slow database never makes it queue the whole file.
 */
const AHEAD = 4;

/**
 * The worker's heap. Left to itself V8 let the reader's garbage grow to 100 MB (peak RSS of a
 * 100,000-row import 250-318 MB); with these limits it collects sooner: about 45 MB, 207-225 MB
 * peak, no slower. The reader keeps little (a row batch, the codes seen so far: about 30 MB at
 * 100,000 rows) and Excel caps a cell at 32,767 characters, so only a forged file reaches the limit,
 * and it is refused as too large when unpacked.
 */
const LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 };

type FromWorker<B, E> = { kind: 'batch'; batch: B } | { kind: 'end'; end: E } | { kind: 'error'; code: ErrorCode | null; message: string; details?: unknown };

/** How to start a worker module: the bundled file, or code that loads its TypeScript source. */
export type WorkerSource = { file: URL } | { code: string };

/**
 * A worker module beside the caller: the bundled `dist/<name>.js` next to the server bundle, or,
 * when the code runs unbundled (the tests), its TypeScript source loaded through tsx's loader
 * (Node 20 workers do not take `--import tsx` in execArgv).
 */
export function workerSource(from: string, name: string): WorkerSource {
  if (!from.endsWith('.ts')) return { file: new URL(`./${name}.js`, from) };
  const source = JSON.stringify(new URL(`./${name}.ts`, from).href);
  return { code: `import('tsx/esm/api').then(({ register }) => { register(); return import(${source}); })` };
}

/**
 * Starts the worker and yields its batches as the caller asks for them; returns what the worker
 * ended with. An AppError thrown in the worker is thrown here with the same code and details.
 * Stopping early (a throw in the caller's loop) terminates the worker.
 */
export async function* fromWorker<B, E>(source: WorkerSource, workerData: unknown): AsyncGenerator<B, E> {
  const options = { workerData, resourceLimits: LIMITS };
  const worker = 'file' in source ? new Worker(source.file, options) : new Worker(source.code, { ...options, eval: true });
  const queue: FromWorker<B, E>[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: FromWorker<B, E>) => {
    queue.push(m);
    notify();
  });
  worker.on('error', (err: Error & { code?: string }) => {
    failure = err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new AppError('IMPORT_FILE_REJECTED', '文件解压后过大', { reason: 'tooLarge' }) : err;
    notify();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the import worker stopped (exit ${code})`);
    notify();
  });
  try {
    for (;;) {
      const m = queue.shift();
      if (!m) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (m.kind === 'error') throw m.code ? new AppError(m.code, m.message, m.details) : new Error(m.message);
      if (m.kind === 'end') return m.end;
      worker.postMessage('next');
      yield m.batch;
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}

/**
 * The worker's side: sends each batch `batches` yields (waiting while AHEAD batches are unread),
 * then what it returns; an error is sent as a message, an AppError with its code and details.
 */
export async function serveBatches<B, E>(batches: AsyncGenerator<B, E>): Promise<void> {
  const port = parentPort!;
  let credit = AHEAD;
  let waiting: (() => void) | null = null;
  port.on('message', () => {
    credit++;
    waiting?.();
    waiting = null;
  });
  try {
    let next = await batches.next();
    while (!next.done) {
      while (credit === 0) await new Promise<void>((resolve) => (waiting = resolve));
      credit--;
      port.postMessage({ kind: 'batch', batch: next.value } satisfies FromWorker<B, E>);
      next = await batches.next();
    }
    port.postMessage({ kind: 'end', end: next.value } satisfies FromWorker<B, E>);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    port.postMessage({ kind: 'error', code: err instanceof AppError ? err.code : null, message, details: err instanceof AppError ? err.details : undefined } satisfies FromWorker<B, E>);
  }
  port.close();
}
