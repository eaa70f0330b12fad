import crypto from 'node:crypto';

/** What a caller states about one auditable event; the chain fields are added on append. */
export interface AuditEvent {
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  result: 'success' | 'failure';
  detail: unknown;
  requestId: string | null;
  ip: string | null;
}

export interface ChainedRow extends Omit<AuditEvent, 'detail'> {
  seq: number;
  detail: string;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * An event's detail already written as JSON, stored and hashed as it is: an import has each
 * created row's detail written in the worker thread that reads the file, off the writing thread.
 */
export class DetailJson {
  constructor(readonly text: string) {}
}

/** SM3 over the previous hash and every stored field, in a fixed order (国密 hash for 密评). */
export function chainHash(prevHash: string, row: Omit<ChainedRow, 'hash' | 'prevHash'>): string {
  const fields = [
    row.seq,
    row.at,
    row.actorId,
    row.actorName,
    row.actorRole,
    row.action,
    row.entityType,
    row.entityId,
    row.result,
    row.detail,
    row.requestId,
    row.ip,
  ];
  return crypto.hash('sm3', prevHash + JSON.stringify(fields));
}

/** Chains events after (seq, hash); returns the rows to store. */
export function chain(head: { seq: number; hash: string }, events: AuditEvent[]): ChainedRow[] {
  let { seq, hash } = head;
  return events.map((e) => {
    seq += 1;
    // Built field by field (no spreads): an import chains one row per enterprise.
    const row: ChainedRow = {
      seq,
      at: e.at,
      actorId: e.actorId,
      actorName: e.actorName,
      actorRole: e.actorRole,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      result: e.result,
      detail: e.detail instanceof DetailJson ? e.detail.text : JSON.stringify(e.detail ?? null),
      requestId: e.requestId,
      ip: e.ip,
      prevHash: hash,
      hash: '',
    };
    row.hash = hash = chainHash(row.prevHash, row);
    return row;
  });
}

/** The first row whose link or hash does not verify, or null if the run is intact. */
export function firstBroken(rows: ChainedRow[], expectedPrev: string | null): number | null {
  let prev = expectedPrev;
  for (const r of rows) {
    if (prev !== null && r.prevHash !== prev) return r.seq;
    if (chainHash(r.prevHash, r) !== r.hash) return r.seq;
    prev = r.hash;
  }
  return null;
}

/** Field-level difference between two flat records: `{ field: { old, new } }`. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { old: unknown; new: unknown }> {
  const out: Record<string, { old: unknown; new: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      out[key] = { old: before[key] ?? null, new: after[key] ?? null };
    }
  }
  return out;
}
