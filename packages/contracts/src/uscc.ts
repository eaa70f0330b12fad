/**
 * 统一社会信用代码 (GB 32100-2015) and the organization code it embeds (GB 11714-1997).
 * Pure functions shared by the API and the web forms.
 */

/** The 31 characters GB 32100 allows (no I, O, Z, S, V). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type UsccProblem = 'length' | 'charset' | 'division' | 'orgCode' | 'checkChar';

/** The check character that completes the first 17 characters of a USCC. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** The GB 11714 check character of an 8-character organization code body. */
export function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 11 ? '0' : c === 10 ? 'X' : String(c);
}

/** Why a code is not a valid USCC, or undefined when it is. */
export function usccProblem(raw: string): UsccProblem | undefined {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!USCC_CHARSET.includes(ch)) return 'charset';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'division';
  if (orgCodeCheckChar(code.slice(8, 16)) !== code[16]) return 'orgCode';
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return 'checkChar';
  return undefined;
}

export function isValidUscc(raw: string): boolean {
  return usccProblem(raw) === undefined;
}

/** Completes a 16-character prefix (authority, type, division, org body) into a valid USCC. */
export function completeUscc(prefix16: string): string {
  const first17 = prefix16 + orgCodeCheckChar(prefix16.slice(8, 16));
  return first17 + usccCheckChar(first17);
}
