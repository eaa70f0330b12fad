import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { ApiError } from './client';
import { errorMessage, passwordReasons } from './errors';

afterEach(() => setLocale('zh-CN'));

describe('errorMessage', () => {
  it('maps codes to sentences a clerk understands', () => {
    expect(errorMessage(new ApiError(401, 'INVALID_CREDENTIALS', 'wrong username or password'))).toBe('用户名或密码错误');
    expect(errorMessage(new ApiError(403, 'FORBIDDEN', 'your role may not do this'))).toBe('您没有权限执行此操作');
    expect(errorMessage(new ApiError(413, 'PAYLOAD_TOO_LARGE', 'x'))).toBe('文件过大，上限为 20 MB');
  });

  it('says until when an account is locked, in Jiujiang time', () => {
    const error = new ApiError(423, 'ACCOUNT_LOCKED', 'locked', { lockedUntil: '2025-03-05T02:30:00Z' });
    expect(errorMessage(error)).toBe('账户因多次密码错误已被锁定，请于 2025-03-05 10:30 之后再试');
  });

  it('lists the password rules that were broken', () => {
    const error = new ApiError(400, 'PASSWORD_POLICY', 'policy', { reasons: ['classes', 'blocklist'] });
    expect(errorMessage(error)).toBe(
      '新密码不符合安全要求：字符种类不足：大写字母、小写字母、数字、符号中至少包含三类；密码过于常见，容易被猜到',
    );
    expect(passwordReasons({ reasons: ['shiny'] })).toEqual(['不符合密码规则（shiny）']);
  });

  it('explains why a spreadsheet was refused, from the reason code', () => {
    expect(errorMessage(new ApiError(400, 'IMPORT_FILE_REJECTED', 'x', { reason: 'ratio' }))).toBe('文件无法导入：文件压缩比异常（疑似压缩炸弹）');
    expect(errorMessage(new ApiError(400, 'IMPORT_FILE_REJECTED', 'x', { reason: 'tooManyRows' }))).toBe('文件无法导入：文件超过 200,000 行的上限');
    expect(errorMessage(new ApiError(400, 'IMPORT_FILE_REJECTED', 'x', { reason: 'new' }))).toContain('不超过 20 MB');
  });

  it('gives the request id of a server fault and never the raw message', () => {
    const error = new ApiError(500, 'INTERNAL', 'TypeError: cannot read x of undefined at foo.ts:12', undefined, 'req-7');
    expect(errorMessage(error)).toContain('请求编号：req-7');
    expect(errorMessage(error)).not.toContain('TypeError');
    expect(errorMessage(new TypeError('boom'))).toBe('出现意外错误，请刷新页面后重试');
  });

  it('follows the chosen language', () => {
    setLocale('en-US');
    expect(errorMessage(new ApiError(409, 'CONFLICT', 'x'))).toBe('Someone else changed this record; reload and try again');
  });
});
