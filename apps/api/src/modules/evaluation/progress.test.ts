import { describe, expect, it } from 'vitest';
import { ManualClock, MINUTE } from '../../lib/clock';
import { ProgressBoard } from './progress';

const token = '0b8e7c2a-5f43-4d1e-9a57-3c2f1e0d9b11';

describe('run progress board', () => {
  it('shows the stage as reported, then done with every enterprise, kept five minutes', () => {
    const clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));
    const board = new ProgressBoard(clock);
    const report = board.start(token, 'u1');
    expect(board.read(token, 'u1')).toEqual({ stage: 'gathering', done: 0, total: 0 });
    report({ stage: 'storing', done: 4000, total: 50_000 });
    expect(board.read(token, 'u1')).toEqual({ stage: 'storing', done: 4000, total: 50_000 });
    board.finish(token);
    expect(board.read(token, 'u1')).toEqual({ stage: 'done', done: 50_000, total: 50_000 });
    clock.advance(5 * MINUTE - 1);
    expect(board.read(token, 'u1').stage).toBe('done');
    clock.advance(1);
    expect(() => board.read(token, 'u1')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('forgets a failed run at once, and refuses a token still running or held by someone else', () => {
    const board = new ProgressBoard(new ManualClock(new Date('2026-03-02T01:00:00Z')));
    board.start(token, 'u1');
    expect(() => board.start(token, 'u1')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => board.read(token, 'u2')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    board.drop(token);
    expect(() => board.read(token, 'u1')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    board.start(token, 'u2');
    board.finish(token);
    expect(() => board.start(token, 'u1')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(board.start(token, 'u2')).toBeTypeOf('function');
  });
});
