import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, ROLES, type Role } from '@yuanqu/contracts';
import { BLOCKED_PASSWORDS, CONTEXT_WORDS } from './password-blocklist';
import { DUMMY_HASH, hashPassword, passwordProblems, verifyPassword } from './password';

const ITERATIONS = 1000;

describe('hashPassword / verifyPassword', () => {
  it('stores pbkdf2-sm3$iterations$salt$hash with a 16-byte salt and a 32-byte key', async () => {
    const stored = await hashPassword('Yuanqu@Demo2025', ITERATIONS);
    const [scheme, iterations, salt, hash, ...rest] = stored.split('$');
    expect(rest).toEqual([]);
    expect(scheme).toBe('pbkdf2-sm3');
    expect(iterations).toBe('1000');
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(hash!, 'base64')).toHaveLength(32);
    expect(stored).not.toContain('Yuanqu@Demo2025');
  });

  it('salts every hash, so the same password never stores the same way twice', async () => {
    const a = await hashPassword('Yuanqu@Demo2025', ITERATIONS);
    const b = await hashPassword('Yuanqu@Demo2025', ITERATIONS);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Yuanqu@Demo2025', a)).toBe(true);
    expect(await verifyPassword('Yuanqu@Demo2025', b)).toBe(true);
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('Chengdong@Sys2025', ITERATIONS);
    expect(await verifyPassword('Chengdong@Sys2025', stored)).toBe(true);
    expect(await verifyPassword('chengdong@Sys2025', stored)).toBe(false);
    expect(await verifyPassword('Chengdong@Sys2025 ', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('uses the iteration count stored with the hash, so raising it later keeps old hashes valid', async () => {
    const old = await hashPassword('Yuanqu@Demo2025', 500);
    expect(old.split('$')[1]).toBe('500');
    expect(await verifyPassword('Yuanqu@Demo2025', old)).toBe(true);
  });

  it('takes a password typed with a full-width input method as the same password (NFKC)', async () => {
    const stored = await hashPassword('Yuanqu@Demo2025', ITERATIONS);
    expect(await verifyPassword('Ｙｕａｎｑｕ＠Ｄｅｍｏ２０２５', stored)).toBe(true);
  });

  it('refuses, without throwing, against a damaged or foreign hash and against the dummy hash', async () => {
    const stored = await hashPassword('Yuanqu@Demo2025', ITERATIONS);
    for (const bad of ['', 'plain', stored.replace('pbkdf2-sm3', 'pbkdf2-sha256'), stored.split('$').slice(0, 3).join('$'), '$2b$10$abcdefghijklmnopqrstuv']) {
      expect(await verifyPassword('Yuanqu@Demo2025', bad)).toBe(false);
    }
    expect(await verifyPassword('Yuanqu@Demo2025', DUMMY_HASH.replace('300000', '1000'))).toBe(false);
  });
});

describe('passwordProblems', () => {
  const check = (password: string, role: Role = 'staff', username = 'stats') => passwordProblems(password, { username, role });

  it.each([
    ['Yuanqu@Demo2025', 'staff', []],
    ['Ab1!xyzw', 'staff', []],
    ['Ab1!xyz', 'staff', ['length']],
    ['Ab1!xyzw', 'admin', ['length']],
    ['Ab1!xyzwvuts', 'admin', []],
    ['Ab1!xyzwvut', 'admin', ['length']],
    ['Ab1!' + 'x'.repeat(LIMITS.passwordMax - 4), 'staff', []],
    ['Ab1!' + 'x'.repeat(LIMITS.passwordMax - 3), 'staff', ['length']],
    // three classes of four are enough, whichever three
    ['qmzxkrtw1!', 'staff', []],
    ['QMZXKRTW1!', 'staff', []],
    ['Qmzxkrtw!', 'staff', []],
    ['Qmzxkrtw1', 'staff', []],
    ['qmzxkrtw1', 'staff', ['classes']],
    ['Qmzxkrtwv', 'staff', ['classes']],
    ['12345678!', 'staff', ['classes']],
    // characters outside ASCII count as the symbol class; length counts characters, not UTF-16 units
    ['九江城东园区ab1', 'staff', []],
    ['Ab1𠀀𠀀𠀀𠀀', 'staff', ['length']],
    ['Ab1𠀀𠀀𠀀𠀀𠀀', 'staff', []],
    ['abc', 'staff', ['length', 'classes', 'blocklist']],
  ] as const)('%s as %s → %j', (password, role, expected) => {
    expect(check(password, role)).toEqual(expected);
  });

  it.each(['Password123!', 'PASSWORD2025', '!!Password2025', 'P@ssw0rd2025!', '2025Qwerty!!', 'Woaini1314!', 'Q1w2e3r4!', '#Zaq12wsx', 'Letmein!!88'])(
    'refuses the leaked password %s wrapped in digits and symbols',
    (password) => {
      expect(check(password)).toContain('blocklist');
    },
  );

  it.each(['Yuanqu2025!', '2025@Chengdong', 'Jiujiang#1', 'Yuanqu@admin1'])('refuses the product and place word %s', (password) => {
    expect(check(password)).toEqual(['blocklist']);
  });

  it('looks at the whole core only: a list word inside a longer password is allowed', () => {
    expect(check('Password-of-Xiaoli9')).toEqual([]);
    expect(check('Yuanqu@Demo2025')).toEqual([]);
  });

  it('refuses a password that contains the user name, in any case', () => {
    expect(check('Zhaoshang#2025', 'staff', 'zhaoshang')).toEqual(['username']);
    expect(check('my-HONGLI-2025', 'enterprise', 'hongli')).toEqual(['username']);
    expect(check('Zhaoshang#2025', 'staff', 'stats')).toEqual([]);
    // Two-letter names would forbid too much; they are not checked.
    expect(check('Li@Wei2025x', 'staff', 'li')).toEqual([]);
  });

  const lower = 'abcdefghijklmnopqrstuvwxyz';
  const upper = lower.toUpperCase();
  const digit = '0123456789';
  const symbol = '!@#$%^&*()-_=+[]{};:,.<>/? ~';
  const alphabet = fc.oneof(
    fc.constantFrom(...lower),
    fc.constantFrom(...upper),
    fc.constantFrom(...digit),
    fc.constantFrom(...symbol),
    fc.constantFrom('园', '区', 'é', '𠀀', '😀'),
  );
  /** Class count by looking each character up, independently of the policy's regular expressions. */
  const classesOf = (pw: string) => [lower, upper, digit].filter((set) => [...pw].some((c) => set.includes(c))).length + ([...pw].some((c) => !(lower + upper + digit).includes(c)) ? 1 : 0);

  it('accepts only passwords with three classes and the minimum length (property, 2000 runs)', () => {
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 24 }), fc.constantFrom(...ROLES), fc.stringMatching(/^[a-z]{2,10}$/), (password, role, username) => {
        const problems = passwordProblems(password, { username, role });
        const length = [...password].length;
        const min = role === 'admin' ? 12 : 8;
        if (problems.length === 0) {
          expect(classesOf(password)).toBeGreaterThanOrEqual(3);
          expect(length).toBeGreaterThanOrEqual(min);
        }
        expect(problems.includes('classes')).toBe(classesOf(password) < 3);
        expect(problems.includes('length')).toBe(length < min);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every list word, in any case, with any digits and symbols around it (property, 1000 runs)', () => {
    const affix = fc.string({ unit: fc.constantFrom(...digit, ...'!@#$%.*_-'), maxLength: 5 });
    const word = fc.constantFrom(...BLOCKED_PASSWORDS, ...CONTEXT_WORDS);
    fc.assert(
      fc.property(word, affix, affix, fc.infiniteStream(fc.boolean()), (w, before, after, caps) => {
        const cased = [...w].map((c) => (caps.next().value ? c.toUpperCase() : c)).join('');
        expect(passwordProblems(before + cased + after, { username: 'stats', role: 'staff' })).toContain('blocklist');
      }),
      { numRuns: 1000 },
    );
  });
});
