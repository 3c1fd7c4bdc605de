import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.js';
import { jurisdictions } from '../../../db/schema/index.js';
import { seedDemoOrg, type DemoOrg } from '../../demo/seed-org.js';
import { createTestDatabase } from '../../../test/db.js';
import { actorWith, refusalOf } from '../../../test/policy.js';
import { resolvePlacement } from './policy.js';

/** Where a unit may be registered (station, township, village), against the demo organisation. */
let database: Database;
let org: DemoOrg;
let cx: DemoOrg['stations'][string];
let xl: DemoOrg['stations'][string];
let villageParent: Map<number, number>;
const office = () => actorWith({ role: 'office', jurisdictionPath: pathOf.get(org.districtId)! });
const pathOf = new Map<number, string>();

beforeAll(async () => {
  database = await createTestDatabase();
  org = await seedDemoOrg(database.db);
  cx = org.stations['创新'];
  xl = org.stations['兴隆'];
  const all = await database.db.select().from(jurisdictions);
  for (const j of all) pathOf.set(j.id, j.path);
  villageParent = new Map(all.filter((j) => j.level === 'village').map((j) => [j.id, j.parentId!]));
});
afterAll(() => database?.close());

const place = (p: Parameters<typeof resolvePlacement>[2], actor = office()) => resolvePlacement(database.db, actor, p);
const VALIDATION = (message: string) => ({ code: 'VALIDATION', status: 400, message });

describe('resolvePlacement', () => {
  it('places a unit at a station of the own area, with or without township and village', async () => {
    const bare = await place({ jurisdictionId: cx.jurisdictionId });
    expect(bare).toMatchObject({ station: { id: cx.jurisdictionId }, townshipId: null, villageId: null });
    expect(await place({ jurisdictionId: cx.jurisdictionId, townshipId: cx.townshipIds[1] })).toMatchObject({
      townshipId: cx.townshipIds[1],
      villageId: null,
    });
    // A village alone brings its township.
    const v = cx.villageIds.at(-1)!;
    expect(await place({ jurisdictionId: cx.jurisdictionId, villageId: v })).toMatchObject({
      townshipId: villageParent.get(v),
      villageId: v,
    });
    expect(villageParent.get(v)).not.toBe(cx.townshipIds[0]);
    const v0 = cx.villageIds[0];
    expect(await place({ jurisdictionId: cx.jurisdictionId, townshipId: villageParent.get(v0), villageId: v0 })).toMatchObject({
      townshipId: villageParent.get(v0),
      villageId: v0,
    });
  });

  it('refuses a jurisdiction that is not a station, or none', async () => {
    for (const jurisdictionId of [cx.townshipIds[0], org.districtId, 999_999])
      expect(await refusalOf(place({ jurisdictionId }))).toEqual(VALIDATION('所属监管所不存在'));
  });

  it('refuses a station outside the own area', async () => {
    const station = actorWith({ role: 'station_head', jurisdictionPath: pathOf.get(cx.jurisdictionId)! });
    expect(await refusalOf(place({ jurisdictionId: xl.jurisdictionId }, station))).toEqual({
      code: 'FORBIDDEN',
      status: 403,
      message: '只能管理本辖区的监管对象',
    });
    expect(await refusalOf(place({ jurisdictionId: cx.jurisdictionId }, station))).toBeUndefined();
  });

  it('refuses a township or village of another station, a village that is not one, and a village of another township', async () => {
    expect(await refusalOf(place({ jurisdictionId: cx.jurisdictionId, townshipId: xl.townshipIds[0] }))).toEqual(
      VALIDATION('乡镇（街道）不属于所选监管所'),
    );
    for (const villageId of [xl.villageIds[0], cx.townshipIds[0], 999_999])
      expect(await refusalOf(place({ jurisdictionId: cx.jurisdictionId, villageId }))).toEqual(VALIDATION('村（社区）不属于所选监管所'));
    const v = cx.villageIds.find((id) => villageParent.get(id) !== cx.townshipIds[0])!;
    expect(await refusalOf(place({ jurisdictionId: cx.jurisdictionId, townshipId: cx.townshipIds[0], villageId: v }))).toEqual(
      VALIDATION('村（社区）不属于所选乡镇（街道）'),
    );
  });
});
