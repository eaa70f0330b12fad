import { describe, expect, it } from 'vitest';
import { checkFigures, type CheckInput } from './checks';

const base: CheckInput = { values: {}, previous: null, beforePrevious: null, previousIsTwoMonths: false, jumpFactor: 3 };

describe('figure checks', () => {
  it('flags a cumulative value lower than last month’s, but not a falling profit', () => {
    const warnings = checkFigures({ ...base, values: { mainRevenue: 900, totalProfit: -5 }, previous: { mainRevenue: 1000, totalProfit: 20 } });
    expect(warnings).toEqual([{ code: 'cumulativeDecrease', field: 'mainRevenue', value: 900, reference: 1000, referenceField: null, factor: null }]);
  });

  it('flags a month more than the factor above or below the month before', () => {
    const up = checkFigures({ ...base, values: { grossOutput: 1700 }, previous: { grossOutput: 1300 }, beforePrevious: { grossOutput: 1200 } });
    expect(up).toMatchObject([{ code: 'monthJump', field: 'grossOutput', value: 400, reference: 100, factor: 3 }]);
    const down = checkFigures({ ...base, values: { grossOutput: 1310 }, previous: { grossOutput: 1300 }, beforePrevious: { grossOutput: 1200 } });
    expect(down).toMatchObject([{ code: 'monthJump', value: 10, reference: 100 }]);
    const steady = checkFigures({ ...base, values: { grossOutput: 1500 }, previous: { grossOutput: 1300 }, beforePrevious: { grossOutput: 1200 } });
    expect(steady).toEqual([]);
  });

  it('takes 1-2月 as two months when judging March', () => {
    const warnings = checkFigures({ ...base, values: { mainRevenue: 1600 }, previous: { mainRevenue: 1000 }, previousIsTwoMonths: true, jumpFactor: 1.1 });
    expect(warnings).toMatchObject([{ code: 'monthJump', value: 600, reference: 500, factor: 1.1 }]);
  });

  it('flags tax above revenue, main above operating revenue and value added above output', () => {
    const warnings = checkFigures({ ...base, values: { taxPaid: 50, mainRevenue: 40, operatingRevenue: 30, valueAdded: 9, grossOutput: 8 } });
    expect(warnings.map((w) => [w.code, w.field, w.referenceField])).toEqual([
      ['taxAboveRevenue', 'taxPaid', 'mainRevenue'],
      ['mainAboveOperating', 'mainRevenue', 'operatingRevenue'],
      ['valueAddedAboveOutput', 'valueAdded', 'grossOutput'],
    ]);
  });

  it('flags a corrected month above the cumulative value already counted for the month after', () => {
    const warnings = checkFigures({ ...base, values: { mainRevenue: 1200, totalProfit: 50 }, next: { mainRevenue: 1100, totalProfit: 40 } });
    expect(warnings).toEqual([{ code: 'cumulativeAboveNext', field: 'mainRevenue', value: 1200, reference: 1100, referenceField: null, factor: null }]);
  });

  it('says nothing about figures that were not reported', () => {
    expect(checkFigures({ ...base, values: { taxPaid: 50 }, previous: { mainRevenue: 100 } })).toEqual([]);
  });
});
