import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isValidCreditCode } from '../../contracts/credit-code.js';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../test/db.js';
import { BANNER_STATIONS, DISTRICT_STATIONS } from './org-data.js';
import { seedDemoEntities } from './seed-entities.js';
import { seedDemoOrg, type DemoOrg } from './seed-org.js';

let database: Database;
let org: DemoOrg;
beforeAll(async () => {
  database = await createTestDatabase();
  org = await seedDemoOrg(database.db);
  await seedDemoEntities(database.db, org);
});
afterAll(() => database.close());

const rows = async (q: ReturnType<typeof sql>) => ((await database.db.execute(q)) as any).rows as any[];

it('loads about 3,000 units with valid credit codes, mostly pharmacies and clinics', async () => {
  const all = await rows(sql`select credit_code, kind from entities`);
  expect(all.length).toBeGreaterThan(2600);
  expect(all.length).toBeLessThan(3400);
  expect(all.every((e) => isValidCreditCode(e.credit_code))).toBe(true);
  const share = (pred: (k: string) => boolean) => all.filter((e) => pred(e.kind)).length / all.length;
  expect(share((k) => k.startsWith('pharmacy') || k === 'clinic')).toBeGreaterThan(0.6);
});

it('gives every station what seed 000 quotas need', async () => {
  for (const [i, s] of DISTRICT_STATIONS.entries()) {
    const j = org.stations[s].jurisdictionId;
    const [c] = await rows(sql`select
        count(*) filter (where k.sector = 'cosmetics')::int as cosmetics,
        least(count(*) filter (where e.kind = 'beauty_salon'), count(*) filter (where e.kind = 'hair_salon'),
              count(*) filter (where e.kind = 'hotel'), count(*) filter (where e.kind = 'bathhouse'))::int as min4,
        count(*) filter (where e.kind = 'device_dealer' and e.device_level = '3' and e.family_planning)::int as fp3,
        count(*) filter (where e.kind = 'device_dealer' and e.device_level = '3' and not e.family_planning)::int as l3,
        count(*) filter (where 'high_risk' = any(e.tags))::int as high,
        count(*) filter (where 'repeat_offender' = any(e.tags))::int as repeat,
        count(*) filter (where e.kind = 'medical_aesthetics')::int as aesthetics
      from entities e join entity_kinds k on k.code = e.kind where e.jurisdiction_id = ${j}`);
    expect(c.cosmetics, s).toBeGreaterThanOrEqual(i < 7 ? 15 : 5);
    expect(c.min4, s).toBeGreaterThanOrEqual(i < 7 ? 2 : 1);
    expect(c.fp3, s).toBeGreaterThanOrEqual(1);
    expect(c.l3, s).toBeGreaterThanOrEqual(1);
    expect(c.high, s).toBeGreaterThanOrEqual(1);
    expect(c.repeat, s).toBeGreaterThanOrEqual(1);
    expect(c.aesthetics, s).toBeGreaterThanOrEqual(1);
  }
  const city = await rows(sql`select name, kind, medical_grade from entities where 'city_level' = any(tags)`);
  expect(city.map((e) => e.name)).toEqual(expect.arrayContaining(['盘锦市疾病预防控制中心', '盘锦市中心医院']));
  const online = await rows(sql`select count(*)::int as n from entities where 'online' = any(tags)`);
  expect(online[0].n).toBeGreaterThan(5);
  for (const s of BANNER_STATIONS) {
    const [b] = await rows(sql`select count(*)::int as n from entities where jurisdiction_id = ${org.stations[s].jurisdictionId}`);
    expect(b.n, s).toBeGreaterThan(10);
  }
});
