import { describe, expect, it } from 'vitest';
import type { Department, Role } from '@yuanqu/contracts';
import { canAccess, canEditEnterprise, canManageStatistics, canReportFigures, canWriteEnterprises } from '../utils/permissions';
import { menuFor, menuItems } from './menu';

const user = (role: Role, departments: Department[] = [], enterpriseId: string | null = null) => ({ role, departments, enterpriseId });

describe('menuFor', () => {
  it('gives administrators every module', () => {
    expect(menuFor(user('admin')).map((i) => i.label)).toEqual([
      'nav.home',
      'nav.enterprises',
      'nav.statistics',
      'nav.targets',
      'nav.land',
      'nav.factories',
      'nav.review',
      'nav.evaluation',
      'nav.users',
      'nav.units',
      'nav.audit',
    ]);
  });

  it('gives staff and leaders the registry, statistics, targets, land, factory buildings and 亩产效益; review only to the economy department', () => {
    const reading = ['/', '/enterprises', '/statistics', '/targets', '/land', '/land/factories'];
    const paths = (u: ReturnType<typeof user>) => menuItems(menuFor(u)).map((i) => i.path);
    const evaluation = ['/evaluation', '/evaluation/schemes'];
    expect(paths(user('leader'))).toEqual([...reading, ...evaluation]);
    expect(paths(user('staff', ['investment']))).toEqual([...reading, ...evaluation]);
    expect(paths(user('staff', ['investment', 'economy']))).toEqual([...reading, '/statistics/review', ...evaluation]);
  });

  it('puts 评价批次 and 评价方案 under the 亩产效益 heading', () => {
    const group = menuFor(user('leader')).find((e) => e.label === 'nav.evaluation');
    expect(group).toEqual({
      label: 'nav.evaluation',
      icon: 'evaluation',
      children: [
        { label: 'nav.evaluationRuns', path: '/evaluation', icon: 'evaluationRuns' },
        { label: 'nav.evaluationSchemes', path: '/evaluation/schemes', icon: 'evaluationSchemes' },
      ],
    });
  });

  it('gives an enterprise user only its own enterprise, its report and its evaluation results, never the registry', () => {
    const items = menuItems(menuFor(user('enterprise', [], 'ent 42')));
    expect(items.map((i) => i.path)).toEqual(['/', '/enterprises/ent%2042', '/enterprises/ent%2042/statistics', '/enterprises/ent%2042/evaluation']);
    expect(items.map((i) => i.label)).toEqual(['nav.home', 'nav.myEnterprise', 'nav.reporting', 'nav.myEvaluation']);
    expect(menuItems(menuFor(user('enterprise'))).map((i) => i.path)).toEqual(['/']);
  });
});

describe('enterprise rights', () => {
  it('lets admins and economy/service staff write; other staff and leaders only read', () => {
    expect(canWriteEnterprises(user('admin'))).toBe(true);
    expect(canWriteEnterprises(user('staff', ['economy']))).toBe(true);
    expect(canWriteEnterprises(user('staff', ['investment', 'service']))).toBe(true);
    expect(canWriteEnterprises(user('staff', ['investment', 'land']))).toBe(false);
    expect(canWriteEnterprises(user('leader'))).toBe(false);
    expect(canWriteEnterprises(user('enterprise', [], 'e1'))).toBe(false);
    expect(canWriteEnterprises(null)).toBe(false);
  });

  it('lets an enterprise user edit its own record and no other', () => {
    expect(canEditEnterprise(user('enterprise', [], 'e1'), 'e1')).toBe(true);
    expect(canEditEnterprise(user('enterprise', [], 'e1'), 'e2')).toBe(false);
    expect(canEditEnterprise(user('leader'), 'e1')).toBe(false);
  });
});

describe('statistics rights', () => {
  it('lets admins and economy staff review and enter figures; others only read', () => {
    expect(canManageStatistics(user('admin'))).toBe(true);
    expect(canManageStatistics(user('staff', ['economy']))).toBe(true);
    expect(canManageStatistics(user('staff', ['investment', 'service']))).toBe(false);
    expect(canManageStatistics(user('leader'))).toBe(false);
    expect(canManageStatistics(user('enterprise', [], 'e1'))).toBe(false);
  });

  it('lets an enterprise user report its own figures and no one else’s', () => {
    expect(canReportFigures(user('enterprise', [], 'e1'), 'e1')).toBe(true);
    expect(canReportFigures(user('enterprise', [], 'e1'), 'e2')).toBe(false);
    expect(canReportFigures(user('staff', ['economy']), 'e2')).toBe(true);
    expect(canReportFigures(user('leader'), 'e2')).toBe(false);
  });
});

describe('canAccess', () => {
  it('checks roles, then the permission a route names', () => {
    expect(canAccess({ roles: ['admin'] }, user('staff', ['economy']))).toBe(false);
    expect(canAccess({ roles: ['admin', 'staff', 'leader'] }, user('enterprise', [], 'e1'))).toBe(false);
    expect(canAccess({ permission: 'enterpriseWrite' }, user('leader'))).toBe(false);
    expect(canAccess({ permission: 'enterpriseEdit' }, user('enterprise', [], 'e1'), { id: 'e1' })).toBe(true);
    expect(canAccess({ permission: 'enterpriseEdit' }, user('enterprise', [], 'e1'), { id: 'e2' })).toBe(false);
    expect(canAccess({ permission: 'statisticsManage' }, user('staff', ['economy']))).toBe(true);
    expect(canAccess({ permission: 'statisticsManage' }, user('leader'))).toBe(false);
    expect(canAccess({}, null)).toBe(false);
    expect(canAccess({}, user('leader'))).toBe(true);
  });
});
