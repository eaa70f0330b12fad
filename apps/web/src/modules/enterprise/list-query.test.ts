import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, filtersOf, paramsFromQuery, queryFromParams, sortFromTable, tableSort } from './list-query';

describe('list state in the address bar', () => {
  it('reads valid filters and falls back to defaults for junk', () => {
    const params = paramsFromQuery({ page: '3', pageSize: '9999', sort: 'drop table', scale: 'above', industryChain: 'steel', q: '  鸿利达 ' });
    expect(params).toMatchObject({ page: 3, pageSize: 200, sort: 'name', scale: 'above', q: '鸿利达', status: 'active' });
    expect(params.industryChain).toBeUndefined();
    expect(paramsFromQuery({ page: '-1' }).page).toBe(1);
    expect(paramsFromQuery({ status: ['archived', 'all'] }).status).toBe('archived');
  });

  it('writes only what differs from the defaults, and reads back the same state', () => {
    const params = { ...DEFAULT_PARAMS, page: 2, qualification: 'littleGiant' as const, sort: '-updatedAt' as const };
    const query = queryFromParams(params);
    expect(query).toEqual({ page: '2', qualification: 'littleGiant', sort: '-updatedAt' });
    expect(paramsFromQuery(query)).toEqual({ ...params, q: undefined, unitId: undefined, industryChain: undefined, category: undefined, scale: undefined });
  });

  it('gives the export the filters only: its query schema is strict and refuses paging and sort', () => {
    const filters = filtersOf({ ...DEFAULT_PARAMS, page: 5, sort: '-name', unitId: 'park-3' });
    expect(Object.keys(filters).filter((k) => filters[k as keyof typeof filters] !== undefined).sort()).toEqual(['status', 'unitId']);
  });
});

describe('table sorting', () => {
  it('maps el-table sort events onto the API sort values', () => {
    expect(sortFromTable('updatedAt', 'descending')).toBe('-updatedAt');
    expect(sortFromTable('uscc', 'ascending')).toBe('uscc');
    expect(sortFromTable('cncRate', 'ascending')).toBe('name');
    expect(sortFromTable('name', null)).toBe('name');
    expect(tableSort('-establishedOn')).toEqual({ prop: 'establishedOn', order: 'descending' });
  });
});
