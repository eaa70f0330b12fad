import { describe, expect, it } from 'vitest';
import { progressPercent } from './run-progress';

describe('run progress bar', () => {
  it('fills each stage’s span by the enterprises done', () => {
    expect(progressPercent(null)).toBe(0);
    expect(progressPercent({ stage: 'gathering', done: 0, total: 0 })).toBe(0);
    expect(progressPercent({ stage: 'gathering', done: 25_000, total: 50_000 })).toBe(23);
    expect(progressPercent({ stage: 'computing', done: 0, total: 50_000 })).toBe(45);
    expect(progressPercent({ stage: 'storing', done: 50_000, total: 50_000 })).toBe(100);
    expect(progressPercent({ stage: 'storing', done: 10_000, total: 50_000 })).toBe(64);
    expect(progressPercent({ stage: 'done', done: 50_000, total: 50_000 })).toBe(100);
  });
});
