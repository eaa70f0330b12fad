import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chain, chainHash, diff, firstBroken, GENESIS_HASH, type AuditEvent, type ChainedRow } from './audit';

function event(i: number, over: Partial<AuditEvent> = {}): AuditEvent {
  return {
    at: new Date(Date.UTC(2026, 2, 2, 1, 0, i)).toISOString(),
    actorId: i % 3 === 0 ? null : `user-${i}`,
    actorName: i % 3 === 0 ? 'system' : 'stats',
    actorRole: i % 3 === 0 ? null : 'staff',
    action: i % 2 ? 'enterprise.update' : 'auth.login',
    entityType: i % 2 ? 'enterprise' : null,
    entityId: i % 2 ? `ent-${i}` : null,
    result: i % 5 === 4 ? 'failure' : 'success',
    detail: i % 2 ? { changes: { address: { old: `滨江东路${i}号`, new: `滨江东路${i + 1}号` } } } : null,
    requestId: `req-${i}`,
    ip: i % 4 ? '10.0.0.8' : null,
    ...over,
  };
}

const EVENTS = Array.from({ length: 12 }, (_, i) => event(i + 1));
const ROWS = chain({ seq: 0, hash: GENESIS_HASH }, EVENTS);

/** Every stored field of a chained row: the ones the hash covers, and the two links. */
const FIELDS = ['seq', 'at', 'actorId', 'actorName', 'actorRole', 'action', 'entityType', 'entityId', 'result', 'detail', 'requestId', 'ip', 'prevHash', 'hash'] as const;

describe('chain', () => {
  it('numbers rows from the head and links each to the one before', () => {
    expect(ROWS.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(ROWS[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < ROWS.length; i++) expect(ROWS[i]!.prevHash).toBe(ROWS[i - 1]!.hash);
    expect(new Set(ROWS.map((r) => r.hash)).size).toBe(ROWS.length);
    expect(ROWS[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores the detail as JSON text, and a missing detail as null', () => {
    expect(JSON.parse(ROWS[0]!.detail)).toEqual(EVENTS[0]!.detail);
    expect(ROWS[1]!.detail).toBe('null');
    expect(chain({ seq: 0, hash: GENESIS_HASH }, [event(1, { detail: undefined })])[0]!.detail).toBe('null');
  });

  it('verifies intact, from the genesis and from any point inside', () => {
    expect(firstBroken(ROWS, GENESIS_HASH)).toBeNull();
    expect(firstBroken(ROWS, null)).toBeNull();
    expect(firstBroken(ROWS.slice(5), ROWS[4]!.hash)).toBeNull();
    expect(firstBroken([], GENESIS_HASH)).toBeNull();
  });

  it('gives the same rows whether the events are appended at once or in batches (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: EVENTS.length }), (cut) => {
        const first = chain({ seq: 0, hash: GENESIS_HASH }, EVENTS.slice(0, cut));
        const head = first.at(-1) ?? { seq: 0, hash: GENESIS_HASH };
        expect([...first, ...chain(head, EVENTS.slice(cut))]).toEqual(ROWS);
      }),
    );
  });

  it('is the SM3 of the previous hash and the fields, so it can be recomputed by anyone', () => {
    const { hash, prevHash, ...fields } = ROWS[3]!;
    expect(chainHash(prevHash, fields)).toBe(hash);
  });
});

describe('firstBroken', () => {
  /** A different value of the same kind, which a forger might write into the column. */
  function otherValue(row: ChainedRow, field: (typeof FIELDS)[number], seed: string): unknown {
    const current = row[field];
    if (field === 'seq') return row.seq + 1 + (seed.length % 7);
    if (field === 'result') return row.result === 'success' ? 'failure' : 'success';
    if (field === 'prevHash' || field === 'hash') return current === GENESIS_HASH ? 'f'.repeat(64) : (current as string).replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const text = `${String(current ?? '')}${seed}`;
    return text === current ? `${text}x` : text;
  }

  it('finds any change to any field of any row (property, 2000 runs)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: ROWS.length - 1 }), fc.constantFrom(...FIELDS), fc.string({ minLength: 1, maxLength: 8 }), fc.boolean(), (i, field, seed, anchored) => {
        const rows = ROWS.map((r) => ({ ...r }));
        const forged = { ...rows[i]!, [field]: otherValue(rows[i]!, field, seed) } as ChainedRow;
        rows[i] = forged;
        // Anchored: the verifier knows the hash before the run. Unanchored: it trusts the first prevHash.
        const broken = firstBroken(rows, anchored ? GENESIS_HASH : null);
        expect(broken).not.toBeNull();
        expect(broken).toBe(forged.seq);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a row that was set to null where it had a value, and the reverse', () => {
    const rows = ROWS.map((r) => ({ ...r }));
    rows[4] = { ...rows[4]!, ip: null };
    expect(ROWS[4]!.ip).not.toBeNull();
    expect(firstBroken(rows, GENESIS_HASH)).toBe(5);
    const rows2 = ROWS.map((r) => ({ ...r }));
    rows2[2] = { ...rows2[2]!, actorId: 'user-1' };
    expect(ROWS[2]!.actorId).toBeNull();
    expect(firstBroken(rows2, GENESIS_HASH)).toBe(3);
  });

  it('finds a deleted row, swapped rows, and a run that does not start where expected', () => {
    expect(firstBroken([...ROWS.slice(0, 6), ...ROWS.slice(7)], GENESIS_HASH)).toBe(8);
    expect(firstBroken([ROWS[0]!, ROWS[2]!, ROWS[1]!, ...ROWS.slice(3)], GENESIS_HASH)).toBe(3);
    expect(firstBroken(ROWS.slice(1), GENESIS_HASH)).toBe(2);
  });

  it('finds a whole row rewritten with a hash recomputed over the forged fields', () => {
    // A forger who knows the algorithm can recompute this row's hash, but then the next row no longer links to it.
    const rows = ROWS.map((r) => ({ ...r }));
    const forged = { ...rows[6]!, actorName: 'admin' };
    forged.hash = chainHash(forged.prevHash, forged);
    rows[6] = forged;
    expect(firstBroken(rows, GENESIS_HASH)).toBe(8);
  });
});

describe('diff', () => {
  it('lists the fields whose value changed, with old and new', () => {
    expect(diff({ name: '甲', address: 'A路1号', cncRate: 40 }, { name: '甲', address: 'A路2号', cncRate: 45 })).toEqual({
      address: { old: 'A路1号', new: 'A路2号' },
      cncRate: { old: 40, new: 45 },
    });
  });

  it('treats a missing field as null, so a new record lists only what it sets', () => {
    expect(diff({}, { name: '甲', address: null, twoHigh: false })).toEqual({ name: { old: null, new: '甲' }, twoHigh: { old: null, new: false } });
    expect(diff({ address: 'A路1号' }, { address: undefined })).toEqual({ address: { old: 'A路1号', new: null } });
    expect(diff({ address: null }, { address: undefined })).toEqual({});
  });

  it('looks only at the fields of the new record', () => {
    expect(diff({ name: '甲', legacy: 'x' }, { name: '甲' })).toEqual({});
  });

  it('compares nested values by content and distinguishes 1 from "1"', () => {
    const q = [{ type: 'highTech', grantedOn: '2024-11-19', expiresOn: null }];
    expect(diff({ qualifications: q }, { qualifications: structuredClone(q) })).toEqual({});
    const renewed = [{ ...q[0]!, expiresOn: '2027-11-18' }];
    expect(diff({ qualifications: q }, { qualifications: renewed })).toEqual({ qualifications: { old: q, new: renewed } });
    expect(diff({ industryCode: 3985 }, { industryCode: '3985' })).toEqual({ industryCode: { old: 3985, new: '3985' } });
  });

  it('is empty for a record against itself and names exactly the changed keys otherwise (property)', () => {
    const value = fc.oneof(fc.constant(null), fc.string({ maxLength: 4 }), fc.integer({ min: -3, max: 3 }), fc.boolean());
    const record = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), value);
    fc.assert(
      fc.property(record, record, (before, after) => {
        expect(diff(after, { ...after })).toEqual({});
        const d = diff(before, after);
        for (const key of Object.keys(after)) {
          const same = JSON.stringify(before[key] ?? null) === JSON.stringify(after[key] ?? null);
          expect(key in d).toBe(!same);
          if (!same) expect(d[key]).toEqual({ old: before[key] ?? null, new: after[key] ?? null });
        }
        expect(Object.keys(d).every((k) => k in after)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
