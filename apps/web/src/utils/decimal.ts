/**
 * Exact decimal shifting on strings, so a clerk's "1.13" 万元 becomes 11300 元 without the float error
 * of 1.13 * 10000 (= 11299.999999999998).
 */

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** The plain decimal text of an input: thousands separators and spaces removed; null when it is not a number. */
export function normalizeDecimal(text: string): string | null {
  const compact = text.replace(/[,，\s]/g, '');
  const m = DECIMAL.exec(compact);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  return compact;
}

/** Digits after the decimal point of a decimal text (0 for "12", 2 for "1.50"). */
export function decimalPlaces(text: string): number {
  const normal = normalizeDecimal(text);
  if (normal === null) return 0;
  return DECIMAL.exec(normal)![3]?.length ?? 0;
}

/**
 * Moves the decimal point of `text` by `places` (positive: multiply by 10^places) and returns the
 * canonical result ("-0.35", "12345678"), or null when `text` is not a decimal number.
 */
export function moveDecimalPoint(text: string, places: number): string | null {
  const normal = normalizeDecimal(text);
  if (normal === null) return null;
  const [, sign, whole = '', fraction = ''] = DECIMAL.exec(normal)!;
  const digits = whole + fraction;
  const point = whole.length + places;
  const padded = point < 0 ? '0'.repeat(-point) + digits : point > digits.length ? digits + '0'.repeat(point - digits.length) : digits;
  const at = Math.max(point, 0);
  const intPart = padded.slice(0, at).replace(/^0+/, '') || '0';
  const fracPart = padded.slice(at).replace(/0+$/, '');
  const body = fracPart ? `${intPart}.${fracPart}` : intPart;
  return sign === '-' && body !== '0' ? `-${body}` : body;
}

/** A stored number as exact decimal text in a unit 10^places larger: (12345678, 4) → "1234.5678". */
export function shiftNumber(value: number, places: number): string {
  const text = String(value);
  // Very small or very large numbers print in exponent form, which the string shift does not read.
  return /e/i.test(text) ? String(value / 10 ** places) : moveDecimalPoint(text, -places)!;
}
