import { describe, expect, it } from 'vitest';
import { completeUscc, enterpriseFieldsSchema, userCreateSchema } from '@yuanqu/contracts';
import { i18n } from '../i18n';
import { fieldErrors, issuesFromDetails, type Translate } from './zod-errors';

const zh: Translate = (key, named) => i18n.global.t(key, named ?? {}, { locale: 'zh-CN' });
const en: Translate = (key, named) => i18n.global.t(key, named ?? {}, { locale: 'en-US' });

// Registration authority 9, type 1, division 360402 (浔阳区), an organization code body: completed with both check characters.
const VALID = completeUscc('91360402MA35XQ7B');

function valid() {
  return {
    uscc: VALID,
    name: '鸿利达新材料有限公司',
    unitId: 'zone-1',
    industryChain: 'newMaterials',
    industryCode: '3091',
    category: 'industrial',
    scale: 'above',
  };
}

function errorsFor(input: Record<string, unknown>, t: Translate = zh) {
  const result = enterpriseFieldsSchema.safeParse(input);
  if (result.success) return {};
  return fieldErrors(result.error.issues, t);
}

describe('fieldErrors with the shared enterprise schema', () => {
  it('accepts the valid fixture', () => {
    expect(enterpriseFieldsSchema.safeParse(valid()).success).toBe(true);
  });

  it('names each USCC problem in words a clerk understands', () => {
    const lastChar = VALID.at(-1) === '0' ? '1' : '0';
    expect(errorsFor({ ...valid(), uscc: VALID.slice(0, -1) + lastChar }).uscc).toBe('统一社会信用代码校验位不正确');
    expect(errorsFor({ ...valid(), uscc: '9136' }).uscc).toBe('统一社会信用代码应为 18 位');
    expect(errorsFor({ ...valid(), uscc: `${VALID.slice(0, 17)}I` }).uscc).toMatch(/不允许的字符/);
    expect(errorsFor({ ...valid(), uscc: `91AB${VALID.slice(4)}` }).uscc).toMatch(/行政区划码/);
    // The 17th character is the organization code's own check, tested before the final one.
    expect(errorsFor({ ...valid(), uscc: `${VALID.slice(0, 16)}${VALID[16] === '0' ? '1' : '0'}${VALID[17]}` }).uscc).toBe(
      '统一社会信用代码第 9–17 位（组织机构代码）校验不正确',
    );
  });

  it('translates the built-in rules and the custom message keys', () => {
    const errors = errorsFor({ ...valid(), name: '鸿', industryCode: 'C30', contactPhone: 'call me', scaleSince: '2025/3/5', industryChain: 'steel' });
    expect(errors).toMatchObject({
      name: '至少 2 个字符',
      industryCode: '请选择国民经济行业（2–4 位数字代码）',
      contactPhone: expect.stringContaining('电话号码格式不正确'),
      scaleSince: expect.stringContaining('YYYY-MM-DD'),
      industryChain: '请选择',
    });
  });

  it('keys nested problems by their dotted path and bounds numbers', () => {
    const errors = errorsFor({ ...valid(), cncRate: 120, qualifications: [{ type: 'highTech', grantedOn: 'yesterday' }] });
    expect(errors.cncRate).toBe('不能大于 100');
    expect(errors['qualifications.0.grantedOn']).toMatch(/YYYY-MM-DD/);
  });

  it('speaks English when asked', () => {
    expect(errorsFor({ ...valid(), uscc: '9136' }, en).uscc).toBe('The unified social credit code has 18 characters');
  });

  it('works for the user schema too', () => {
    const result = userCreateSchema.safeParse({ username: 'A B', displayName: '', password: 'x', role: 'staff' });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrors(result.error.issues, zh)).toMatchObject({ username: expect.stringContaining('用户名'), displayName: '必填' });
    }
  });
});

describe('issuesFromDetails', () => {
  it('reads the issue list of a VALIDATION answer in either shape and ignores junk', () => {
    const issue = { path: ['uscc'], message: 'uscc.checkChar', code: 'custom' };
    expect(issuesFromDetails([issue])).toEqual([issue]);
    expect(issuesFromDetails({ issues: [issue, { nope: 1 }] })).toEqual([issue]);
    expect(issuesFromDetails(null)).toEqual([]);
    expect(fieldErrors(issuesFromDetails({ issues: [{ path: 'uscc', message: 'uscc.checkChar' }] }), zh)).toEqual({
      uscc: '统一社会信用代码校验位不正确',
    });
  });
});
