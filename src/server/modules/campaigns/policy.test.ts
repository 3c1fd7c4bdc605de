import { describe, expect, it } from 'vitest';
import { actorWith, refusal } from '../../../test/policy.js';
import { assertActsForUnit, assertManagesCampaign } from './policy.js';

/** Who manages a campaign and who fills in a unit's rows, as pure rules (the routes: campaigns.test.ts). */
const bureau = '/1/2/';
const office = actorWith({ role: 'office', orgUnitId: 20, jurisdictionId: 2, jurisdictionPath: bureau });
const otherOffice = actorWith({ role: 'office', orgUnitId: 30, jurisdictionId: 3, jurisdictionPath: '/1/3/' });
const inspector = actorWith({ role: 'inspector', orgUnitId: 50, jurisdictionPath: '/1/2/5/' });
const FORBIDDEN_MANAGE = { code: 'FORBIDDEN', status: 403, message: '只能管理本辖区的专项行动' };
const FORBIDDEN_UNIT = { code: 'FORBIDDEN', status: 403, message: '只能填报本单位的信息' };

describe('assertManagesCampaign', () => {
  it('lets a manager act on a campaign of its own area or below', () => {
    expect(refusal(() => assertManagesCampaign(office, bureau))).toBeUndefined();
    expect(refusal(() => assertManagesCampaign(office, '/1/2/5/'))).toBeUndefined();
    expect(
      refusal(() => assertManagesCampaign(actorWith({ role: 'admin', scope: 'all', jurisdictionPath: '/9/' }), bureau)),
    ).toBeUndefined();
  });

  it('refuses a manager of another area, and anyone without campaigns.manage inside the area', () => {
    expect(refusal(() => assertManagesCampaign(otherOffice, bureau))).toEqual(FORBIDDEN_MANAGE);
    expect(refusal(() => assertManagesCampaign(inspector, '/1/2/5/'))).toEqual(FORBIDDEN_MANAGE);
  });
});

describe('assertActsForUnit', () => {
  it('lets a unit with campaigns.report fill in its own rows', () => {
    expect(refusal(() => assertActsForUnit(inspector, 50, bureau))).toBeUndefined();
  });

  it('lets a manager of the campaign area fill in any unit', () => {
    expect(refusal(() => assertActsForUnit(office, 50, bureau))).toBeUndefined();
  });

  it('refuses another unit, its own unit without campaigns.report, and a manager of another area', () => {
    expect(refusal(() => assertActsForUnit(inspector, 51, bureau))).toEqual(FORBIDDEN_UNIT);
    expect(refusal(() => assertActsForUnit(actorWith({ role: 'coordinator', orgUnitId: 50 }), 50, bureau))).toEqual(FORBIDDEN_UNIT);
    expect(refusal(() => assertActsForUnit(otherOffice, 50, bureau))).toEqual(FORBIDDEN_UNIT);
  });
});
