import { describe, expect, it } from 'vitest';
import { pageOfIndex, sortAndPage } from './paging';

const rows = [
  { code: 'A-10', mu: 3, holder: '乙' },
  { code: 'A-2', mu: null, holder: null },
  { code: 'A-1', mu: 12, holder: '甲' },
  { code: 'B-1', mu: 7, holder: '丙' },
];

describe('sortAndPage', () => {
  it('sorts the whole list before cutting the page, numbers inside codes in numeric order', () => {
    expect(sortAndPage(rows, { prop: 'code', order: 'ascending' }, 1, 2).map((r) => r.code)).toEqual(['A-1', 'A-2']);
    expect(sortAndPage(rows, { prop: 'code', order: 'ascending' }, 2, 2).map((r) => r.code)).toEqual(['A-10', 'B-1']);
  });

  it('keeps empty values last in both directions', () => {
    expect(sortAndPage(rows, { prop: 'mu', order: 'descending' }, 1, 10).map((r) => r.mu)).toEqual([12, 7, 3, null]);
    expect(sortAndPage(rows, { prop: 'mu', order: 'ascending' }, 1, 10).map((r) => r.mu)).toEqual([3, 7, 12, null]);
  });

  it('leaves the order alone when unsorted, and finds the page of a row', () => {
    expect(sortAndPage(rows, { prop: 'code', order: null }, 1, 10)).toEqual(rows);
    expect(pageOfIndex(0, 50)).toBe(1);
    expect(pageOfIndex(50, 50)).toBe(2);
  });
});
