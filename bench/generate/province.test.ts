import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { createTestDatabase } from '../../src/test/db.js';
import { generateProvince, type GeneratedProvince } from './province.js';

const opened: Database[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
});

async function build(seed: number) {
  const database = await createTestDatabase();
  opened.push(database);
  const gen = await generateProvince(database.db, { seed, scale: 'small' });
  return { database, gen };
}

const rows = async (d: Database, q: ReturnType<typeof sql>) => ((await d.db.execute(q)) as any).rows as any[];

let a: { database: Database; gen: GeneratedProvince };

it('builds a small province with consistent levels, paths, units and people', async () => {
  a = await build(42);
  const { database, gen } = a;
  const perLevel = Object.fromEntries(
    (await rows(database, sql`select level, count(*)::int as n from jurisdictions group by level`)).map((r) => [r.level, r.n]),
  );
  expect(perLevel).toEqual({
    province: 1,
    city: gen.counts.cities,
    county: gen.counts.counties,
    station: gen.counts.stations,
    township: gen.counts.townships,
    village: gen.counts.villages,
  });
  expect(gen.counts.cities).toBe(2);
  expect(gen.countyIds).toHaveLength(gen.counts.counties);
  expect(gen.counts.villages).toBeGreaterThan(gen.counts.townships);

  // Every path is the parent's path plus the own id; depth and level follow the parent.
  const bad = await rows(
    database,
    sql`select c.id from jurisdictions c left join jurisdictions p on p.id = c.parent_id
        where (c.parent_id is null and (c.path <> '/' || c.id || '/' or c.level <> 'province'))
           or (c.parent_id is not null and (c.path <> p.path || c.id || '/' or c.depth <> p.depth + 1))`,
  );
  expect(bad).toEqual([]);
  const order = ['province', 'city', 'county', 'station', 'township', 'village'];
  const pairs = await rows(
    database,
    sql`select distinct p.level as p, c.level as c from jurisdictions c join jurisdictions p on p.id = c.parent_id`,
  );
  for (const r of pairs) expect(order.indexOf(r.c)).toBe(order.indexOf(r.p) + 1);

  // Station ids returned match the database: townships and villages lie under their station.
  for (const st of gen.stations) {
    const [s] = await rows(database, sql`select path, parent_id from jurisdictions where id = ${st.jurisdictionId}`);
    expect(s.parent_id).toBe(st.countyId);
    const under = await rows(
      database,
      sql`select id, level from jurisdictions where path like ${s.path + '%'} and id <> ${st.jurisdictionId} order by id`,
    );
    expect(under.filter((r) => r.level === 'township').map((r) => r.id)).toEqual(st.townshipIds);
    expect(under.filter((r) => r.level === 'village').map((r) => r.id)).toEqual(st.villageIds);
    const [u] = await rows(database, sql`select kind, jurisdiction_id from org_units where id = ${st.orgUnitId}`);
    expect(u).toEqual({ kind: 'station', jurisdiction_id: st.jurisdictionId });
  }

  // Banners use 苏木/嘎查; one coordinator per township and one informant per village.
  const [people] = await rows(
    database,
    sql`select count(*) filter (where role = 'coordinator')::int as coord, count(*) filter (where role = 'informant')::int as inf,
               count(*)::int as total, count(distinct password_hash)::int as hashes from users`,
  );
  expect(people).toEqual({ coord: gen.counts.townships, inf: gen.counts.villages, total: gen.counts.people, hashes: 1 });
  const wrongPlace = await rows(
    database,
    sql`select u.id from users u join jurisdictions j on j.id = u.jurisdiction_id
        where (u.role = 'coordinator' and j.level <> 'township') or (u.role = 'informant' and j.level <> 'village')
           or (u.role in ('inspector','station_head') and j.level <> 'station')`,
  );
  expect(wrongPlace).toEqual([]);
  const [units] = await rows(database, sql`select count(*)::int as n from org_units`);
  expect(units.n).toBe(gen.counts.orgUnits);
  const bannerKids = await rows(
    database,
    sql`select distinct t.level_label as t from jurisdictions b join jurisdictions t on t.path like b.path || '%' and t.level in ('township','village')
        where b.level = 'county' and b.level_label = '旗'`,
  );
  for (const r of bannerKids) expect(['苏木', '嘎查']).toContain(r.t);
});

it('is reproducible: same seed gives the same names, another seed different ones', async () => {
  const snapshot = async (d: Database) => ({
    j: await rows(d, sql`select id, parent_id, level, level_label, name from jurisdictions order by id`),
    u: await rows(d, sql`select username, display_name, phone, jurisdiction_id from users order by id`),
  });
  const same = await build(42);
  expect(await snapshot(same.database)).toEqual(await snapshot(a.database));
  expect(same.gen.counts).toEqual(a.gen.counts);
  const other = await build(43);
  const x = await snapshot(other.database);
  expect(x.u.map((r) => r.display_name)).not.toEqual((await snapshot(a.database)).u.map((r) => r.display_name));
});
