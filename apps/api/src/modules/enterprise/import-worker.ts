// The worker thread of an enterprise import on SQLite: reads and checks the file's rows while the
// main thread writes the rows already checked (see lib/row-worker.ts).
import { workerData } from 'node:worker_threads';
import { serveBatches } from '../../lib/row-worker';
import { checkedBatches, type CheckInput } from './import-check';

await serveBatches(checkedBatches(workerData as CheckInput));
