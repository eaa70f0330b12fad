import { describe, expect, it } from 'vitest';
import { t } from '../../i18n';
import { drillDown, queryFromView, rowName, viewFromQuery, type StatisticsView } from './statistics-query';

const base: StatisticsView = { period: '2022-12', groupBy: 'park', figure: 'mainRevenue' };

describe('the view in the address', () => {
  it('defaults to the latest closed period by park, and refuses what is not a period or not yet closed', () => {
    expect(viewFromQuery({}, '2026-10')).toEqual({ period: '2026-10', groupBy: 'park', figure: 'mainRevenue' });
    expect(viewFromQuery({ period: '2026-11' }, '2026-10').period).toBe('2026-10');
    expect(viewFromQuery({ period: '2022-01', groupBy: 'galaxy', figure: 'gold' }, '2026-10')).toEqual({ period: '2026-10', groupBy: 'park', figure: 'mainRevenue' });
  });

  it('round-trips every filter and drops the unset ones', () => {
    const view: StatisticsView = { period: '2022-12', groupBy: 'enterprise', figure: 'taxPaid', unitId: 'u1', industryChain: 'digital', scale: 'above' };
    expect(viewFromQuery(queryFromView(view), '2026-10')).toEqual(view);
    expect(queryFromView(base)).toEqual({ period: '2022-12', groupBy: 'park', figure: 'mainRevenue' });
    expect(viewFromQuery({ industryChain: 'mining', scale: 'huge' }, '2026-10')).not.toHaveProperty('industryChain');
  });
});

describe('drillDown', () => {
  it('goes from the base to parks, a park to its industries, an industry to its enterprises', () => {
    expect(drillDown({ ...base, groupBy: 'base' }, { key: 'all' })).toEqual({ view: { ...base, groupBy: 'park' } });
    expect(drillDown(base, { key: 'park-3' })).toEqual({ view: { ...base, unitId: 'park-3', groupBy: 'industryChain' } });
    expect(drillDown({ ...base, unitId: 'park-3', groupBy: 'industryChain' }, { key: 'newMaterials' })).toEqual({
      view: { ...base, unitId: 'park-3', industryChain: 'newMaterials', groupBy: 'enterprise' },
    });
    expect(drillDown({ ...base, groupBy: 'scale' }, { key: 'above' })).toEqual({ view: { ...base, scale: 'above', groupBy: 'enterprise' } });
  });

  it('leads from an enterprise row to that enterprise’s figures', () => {
    expect(drillDown({ ...base, groupBy: 'enterprise' }, { key: 'e-7' })).toEqual({ enterpriseId: 'e-7' });
  });
});

describe('rowName', () => {
  it('labels industries and scales, and takes unit and enterprise names from the API', () => {
    expect(rowName('industryChain', { key: 'newMaterials', name: '' }, t)).toBe('新材料');
    expect(rowName('scale', { key: 'above', name: '' }, t)).toBe('规上');
    expect(rowName('base', { key: 'all', name: '' }, t)).toBe('全基地');
    expect(rowName('park', { key: 'p1', name: '1号园' }, t)).toBe('1号园');
  });
});
