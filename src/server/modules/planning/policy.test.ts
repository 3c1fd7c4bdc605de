import { describe, expect, it } from 'vitest';
import { actorWith, refusal } from '../../../test/policy.js';
import { assertManagesPlan, assertReadsPlan, seesStation, seesWholeArea } from './policy.js';

/** Who reads and who manages a campaign's plan, as pure rules (the routes against the database: planning.test.ts, scopes.test.ts). */
const plan = '/1/2/';
const city = actorWith({ role: 'office', jurisdictionPath: '/1/' });
const bureau = actorWith({ role: 'office', jurisdictionPath: plan });
const station = actorWith({ role: 'station_head', jurisdictionPath: '/1/2/5/' });
const otherBureau = actorWith({ role: 'office', jurisdictionPath: '/1/3/' });
const NOT_FOUND = { code: 'NOT_FOUND', status: 404, message: '检查计划不存在或无权访问' };

describe('assertReadsPlan', () => {
  it('lets the plan area, the areas above it and the stations inside it read', () => {
    for (const a of [city, bureau, station]) expect(refusal(() => assertReadsPlan(a, plan))).toBeUndefined();
    expect(refusal(() => assertReadsPlan(actorWith({ scope: 'all', jurisdictionPath: '/1/3/' }), plan))).toBeUndefined();
  });

  it('hides the plan from another area as not found', () => {
    expect(refusal(() => assertReadsPlan(otherBureau, plan))).toEqual(NOT_FOUND);
  });
});

describe('assertManagesPlan', () => {
  it('lets the plan area and those above manage it', () => {
    for (const a of [city, bureau]) expect(refusal(() => assertManagesPlan(a, plan))).toBeUndefined();
  });

  it('refuses a station inside the area (it only reads), and hides the plan from another area', () => {
    expect(refusal(() => assertManagesPlan(station, plan))).toEqual({
      code: 'FORBIDDEN',
      status: 403,
      message: '只能由专项行动所属单位制定和调整检查计划',
    });
    expect(refusal(() => assertManagesPlan(otherBureau, plan))).toEqual(NOT_FOUND);
  });
});

describe('seesWholeArea / seesStation', () => {
  it('the plan area sees all of it, a station only itself', () => {
    expect(seesWholeArea(bureau, plan)).toBe(true);
    expect(seesWholeArea(station, plan)).toBe(false);
    expect(seesStation(station, '/1/2/5/')).toBe(true);
    expect(seesStation(station, '/1/2/6/')).toBe(false);
    expect(seesStation(bureau, '/1/2/6/')).toBe(true);
  });
});
