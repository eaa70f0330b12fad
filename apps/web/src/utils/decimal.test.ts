import { describe, expect, it } from 'vitest';
import { decimalPlaces, moveDecimalPoint, normalizeDecimal, shiftNumber } from './decimal';

describe('moveDecimalPoint', () => {
  it('multiplies exactly where floats would not', () => {
    expect(1.13 * 10000).not.toBe(11300);
    expect(moveDecimalPoint('1.13', 4)).toBe('11300');
    expect(moveDecimalPoint('1234.5678', 4)).toBe('12345678');
    expect(moveDecimalPoint('0.0001', 4)).toBe('1');
    expect(moveDecimalPoint('64.35', 8)).toBe('6435000000');
    expect(moveDecimalPoint('1,234.5', 4)).toBe('12345000');
  });

  it('divides, keeps the sign and drops needless zeros', () => {
    expect(moveDecimalPoint('35', -2)).toBe('0.35');
    expect(moveDecimalPoint('-12.50', -1)).toBe('-1.25');
    expect(moveDecimalPoint('-0.000', 3)).toBe('0');
    expect(moveDecimalPoint('.5', 1)).toBe('5');
    expect(moveDecimalPoint('7.', 0)).toBe('7');
  });

  it('refuses anything that is not a plain decimal', () => {
    for (const bad of ['', '.', 'abc', '1e5', '1.2.3', '--1', '12万']) expect(moveDecimalPoint(bad, 2), bad).toBeNull();
  });
});

describe('helpers', () => {
  it('counts decimals and normalises separators', () => {
    expect(decimalPlaces('1.2345')).toBe(4);
    expect(decimalPlaces('12')).toBe(0);
    expect(normalizeDecimal(' 1 234，5 ')).toBe('12345');
    expect(normalizeDecimal('x')).toBeNull();
  });

  it('shows a stored integer in a larger unit exactly', () => {
    expect(shiftNumber(12345678, 4)).toBe('1234.5678');
    expect(shiftNumber(-5, 4)).toBe('-0.0005');
    expect(shiftNumber(0.35, -2)).toBe('35');
    expect(shiftNumber(6_435_000_000, 8)).toBe('64.35');
  });
});
