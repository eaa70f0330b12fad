import { describe, expect, it } from 'vitest';
import { notificationMessage, notificationTarget } from './notification-text';

describe('notification texts', () => {
  it('words a reminder with the period and the due date in the reader’s language', () => {
    const n = { kind: 'reportDue' as const, params: { period: '2026-10', dueOn: '2026-11-10', enterpriseName: '九江鸿利达新材料有限公司' } };
    expect(notificationMessage(n, 'zh-CN')).toEqual({ key: 'notifications.reportDue', params: { period: '2026年1-10月', dueOn: '2026年11月10日', enterprise: '九江鸿利达新材料有限公司' } });
    expect(notificationMessage(n, 'en-US').params.period).toBe('Jan–Oct 2026');
  });

  it('words a returned report with its reason, and leads to the reporting page of that period', () => {
    const n = { kind: 'reportReturned' as const, params: { period: '2026-02', reason: '请补报营业收入', reportId: 'r1' } };
    expect(notificationMessage(n, 'zh-CN')).toEqual({ key: 'notifications.reportReturned', params: { period: '2026年1-2月', reason: '请补报营业收入' } });
    expect(notificationTarget(n, 'e1')).toEqual({ name: 'enterprise-statistics', params: { id: 'e1' }, query: { period: '2026-02' } });
    expect(notificationTarget(n, null)).toBeNull();
  });

  it('words a published evaluation with the year and class, and leads to the enterprise’s results', () => {
    const n = { kind: 'evaluationPublished' as const, params: { year: 2022, class: 'B', runId: 'r1' } };
    expect(notificationMessage(n, 'zh-CN')).toEqual({ key: 'notifications.evaluationPublished', params: { year: '2022', class: 'B' } });
    expect(notificationTarget(n, 'e1')).toEqual({ name: 'enterprise-evaluation', params: { id: 'e1' } });
  });

  it('words an answered objection with its outcome', () => {
    const n = { kind: 'objectionAnswered' as const, params: { year: 2022, outcome: 'maintained', runId: 'r1' } };
    expect(notificationMessage(n, 'zh-CN')).toEqual({ key: 'notifications.objectionAnswered', params: { year: '2022', outcome: '维持原结果' } });
  });
});
