import { setImmediate as nextTurn } from 'node:timers/promises';
import type { RunProgress, RunProgressStage } from '@yuanqu/contracts';
import { AppError, notFound } from '../../lib/errors';
import { MINUTE, type Clock } from '../../lib/clock';

/** Told of a run's progress chunk by chunk. */
export type ProgressSink = (progress: RunProgress) => void;

/**
 * Reports a chunk's progress, then lets the event loop answer other requests (progress polls
 * among them) before the next chunk: on SQLite every query completes synchronously, so without
 * this a whole run would hold the process.
 */
export async function step(sink: ProgressSink | undefined, stage: RunProgressStage, done: number, total: number): Promise<void> {
  sink?.({ stage, done, total });
  await nextTurn();
}

interface Entry extends RunProgress {
  userId: string;
  /** When the entry may be forgotten: set when the run ends. */
  expiresAt: number | null;
}

/**
 * The progress of the runs in this process, by the token the client made up, readable only by
 * the account that started the run. Kept in memory (one API process): entries go a few minutes
 * after their run ends, and at once when it fails (the POST answers the error).
 */
export class ProgressBoard {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly keepMs = 5 * MINUTE,
  ) {}

  /** Opens a token for a run; a token in use by a running run, or by another account, is refused. */
  start(token: string, userId: string): ProgressSink {
    this.sweep();
    const current = this.entries.get(token);
    if (current && (current.userId !== userId || current.expiresAt === null)) throw new AppError('CONFLICT', 'this progress token is in use; make a new one');
    const entry: Entry = { stage: 'gathering', done: 0, total: 0, userId, expiresAt: null };
    this.entries.set(token, entry);
    return (p) => Object.assign(entry, p);
  }

  /** The run is stored: done, with every enterprise counted; kept for `keepMs` from now. */
  finish(token: string): void {
    const entry = this.entries.get(token);
    if (!entry) return;
    Object.assign(entry, { stage: 'done', done: entry.total, expiresAt: this.clock.now().getTime() + this.keepMs });
  }

  /** The run failed: forget the token. */
  drop(token: string): void {
    this.entries.delete(token);
  }

  /** The progress of `token`'s run, for the account that started it; not found for anyone else. */
  read(token: string, userId: string): RunProgress {
    this.sweep();
    const entry = this.entries.get(token);
    if (!entry || entry.userId !== userId) throw notFound('run progress');
    return { stage: entry.stage, done: entry.done, total: entry.total };
  }

  private sweep(): void {
    const now = this.clock.now().getTime();
    for (const [token, entry] of this.entries) if (entry.expiresAt !== null && entry.expiresAt <= now) this.entries.delete(token);
  }
}
