import { describe, expect, it } from 'vitest';
import type { CoverageRowDto } from '../../../../contracts/plans.js';
import { stationTotals } from './get-coverage.js';

const row = (stationId: string | null, required: number, done: number, remaining: number): CoverageRowDto => ({
  requirementKey: `r@${stationId}`,
  ruleId: 'r',
  label: 'r',
  rulePath: ['r'],
  parentKey: null,
  stationId,
  stationShortName: stationId ? `${stationId}所` : null,
  area: null,
  grade: null,
  required,
  available: required,
  times: 1,
  windowFrom: null,
  windowTo: null,
  done,
  remaining,
  shortfall: 0,
});

describe('station totals', () => {
  it('sums each station, caps done at what each rule requires, and leaves campaign-wide rows out', () => {
    const totals = stationTotals([row('a', 10, 4, 6), row('a', 2, 5, 0), row(null, 3, 0, 3), row('b', 0, 0, 0)]);
    expect(totals).toEqual([
      { stationId: 'a', name: 'a所', required: 12, done: 6, remaining: 6, rulesOpen: 1 },
      { stationId: 'b', name: 'b所', required: 0, done: 0, remaining: 0, rulesOpen: 0 },
    ]);
  });
});
