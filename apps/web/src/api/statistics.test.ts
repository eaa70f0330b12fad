import { describe, expect, it } from 'vitest';
import { ApiError, conflictCurrent } from './client';
import { unacknowledgedWarnings } from './statistics';

const warning = { code: 'taxAboveRevenue', field: 'taxPaid', value: 2, reference: 1, referenceField: 'mainRevenue', factor: null };

describe('answers a page acts on', () => {
  it('reads the warnings a committee entry must confirm', () => {
    expect(unacknowledgedWarnings(new ApiError(422, 'WARNINGS_UNACKNOWLEDGED', 'x', { warnings: [warning] }))).toEqual([warning]);
    expect(unacknowledgedWarnings(new ApiError(422, 'WARNINGS_UNACKNOWLEDGED', 'x'))).toEqual([]);
    expect(unacknowledgedWarnings(new ApiError(400, 'VALIDATION', 'x', { warnings: [warning] }))).toBeNull();
    expect(unacknowledgedWarnings(new Error('boom'))).toBeNull();
  });

  it('reads the record as it now stands from a conflict', () => {
    expect(conflictCurrent(new ApiError(409, 'CONFLICT', 'x', { current: { version: 4 } }))).toEqual({ version: 4 });
    expect(conflictCurrent(new ApiError(409, 'CONFLICT', 'x'))).toBeNull();
    expect(conflictCurrent(new ApiError(404, 'NOT_FOUND', 'x', { current: { version: 4 } }))).toBeNull();
  });
});
