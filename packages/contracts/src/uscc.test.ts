import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { completeUscc, isValidUscc, orgCodeCheckChar, USCC_CHARSET, usccProblem } from './uscc';

describe('USCC (GB 32100-2015)', () => {
  it('accepts published codes', () => {
    // Codes printed on public business licences (Huawei, Xiaomi) and the standard's worked example.
    expect(isValidUscc('914403001922038216')).toBe(true);
    expect(isValidUscc('91110108551385082Q')).toBe(true);
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('914403001922038217')).toBe(false);
  });

  it('names the problem', () => {
    expect(usccProblem('9135010')).toBe('length');
    expect(usccProblem('91350100M000100YI3')).toBe('charset');
    expect(usccProblem('91350100M000100Y44')).toBe('checkChar');
    expect(usccProblem('9135AB00M000100Y43')).toBe('division');
    expect(usccProblem('91350100M000100X43')).toBe('orgCode');
  });

  it('computes the GB 11714 check of the embedded organization code', () => {
    // D2143569-X and 80210043-3 are printed examples of the organization code form.
    expect(orgCodeCheckChar('D2143569')).toBe('X');
    expect(orgCodeCheckChar('80210043')).toBe('3');
  });

  it('detects every single-character change of a valid code', () => {
    const body = fc.stringMatching(/^[0-9A-HJ-NP-RTUWXY]{8}$/);
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (org, pos, shift) => {
        const code = completeUscc(`9136040${'2'}${org}`.slice(0, 16));
        fc.pre(isValidUscc(code));
        const idx = USCC_CHARSET.indexOf(code[pos]!);
        const changed = code.slice(0, pos) + USCC_CHARSET[(idx + shift) % 31] + code.slice(pos + 1);
        expect(isValidUscc(changed)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
