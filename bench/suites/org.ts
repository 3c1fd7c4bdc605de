/**
 * Organisation at province scale: generation time, then typical org reads through the real
 * use cases with realistic actors, the per-request session resolution and a login.
 */
import { sql } from 'drizzle-orm';
import type { Actor, Ctx } from '../../src/server/core/context.js';
import { login } from '../../src/server/modules/auth/use-cases/login.js';
import { resolveSession } from '../../src/server/modules/auth/session.js';
import { listJurisdictions } from '../../src/server/modules/org/use-cases/list-jurisdictions.js';
import { listOrgUnits } from '../../src/server/modules/org/use-cases/list-org-units.js';
import { listPeople } from '../../src/server/modules/org/use-cases/list-people.js';
import { BENCH_PASSWORD, generateProvince, type GeneratedProvince } from '../generate/province.js';
import { sample, time, type BenchSuite } from '../lib.js';
import { registry } from '../../src/server/modules/index.js';

const suite: BenchSuite = {
  name: 'org',
  async run(env) {
    const { db } = env.database;
    const gen = await time(() => generateProvince(db, { seed: env.seed, scale: env.scale }));
    const p: GeneratedProvince = gen.value;
    env.shared.province = p;
    const c = p.counts;
    env.figure(
      'generate province',
      gen.ms / 1000,
      's',
      `${c.cities} cities, ${c.counties} counties, ${c.stations} stations, ${c.townships} townships, ${c.villages} villages, ${c.orgUnits} units, ${c.people} people`,
    );

    // Actors come from real sessions, exactly as a request would see them.
    const sessions: Record<string, { token: string; actor: Actor }> = {};
    for (const [k, username] of Object.entries(p.accounts)) {
      const s = await login(db, { username, password: BENCH_PASSWORD }, {});
      sessions[k] = { token: s.token, actor: (await resolveSession(db, s.token))!.actor };
    }
    const ctx = (k: keyof GeneratedProvince['accounts']): Ctx => ({ db, actor: sessions[k].actor, ext: registry() });
    const n = env.scale === 'province' ? 50 : 10;
    const report = (name: string, r: { p50: number; p95: number }, note?: string) => {
      env.figure(`${name} p50`, r.p50, 'ms', note);
      env.figure(`${name} p95`, r.p95, 'ms');
    };

    const station = p.stations[Math.floor(p.stations.length / 2)];
    report('listJurisdictions root (admin)', await sample(n, () => listJurisdictions(ctx('admin'))));
    report('listJurisdictions cities of province', await sample(n, () => listJurisdictions(ctx('admin'), p.provinceId)));
    report(
      'listJurisdictions counties of a city',
      await sample(n, (i) => listJurisdictions(ctx('admin'), p.cityIds[i % p.cityIds.length])),
    );
    report(
      'listJurisdictions stations of a county',
      await sample(n, (i) => listJurisdictions(ctx('admin'), p.countyIds[i % p.countyIds.length])),
    );
    report(
      'listJurisdictions townships of a station',
      await sample(n, (i) => listJurisdictions(ctx('admin'), p.stations[(i * 37) % p.stations.length].jurisdictionId)),
    );
    report(
      'listJurisdictions villages of a township',
      await sample(n, (i) => listJurisdictions(ctx('admin'), station.townshipIds[i % station.townshipIds.length])),
    );

    const page = { page: 1, pageSize: 20 };
    report('listPeople page, station inspector', await sample(n, () => listPeople(ctx('stationInspector'), page)));
    report('listPeople page, city viewer', await sample(n, () => listPeople(ctx('cityViewer'), page)));
    report('listPeople page 50, city viewer', await sample(n, () => listPeople(ctx('cityViewer'), { page: 50, pageSize: 20 })));
    report('listPeople name search, station inspector', await sample(n, () => listPeople(ctx('stationInspector'), { ...page, q: '王' })));
    report('listPeople name search, city viewer', await sample(n, () => listPeople(ctx('cityViewer'), { ...page, q: '王' })));
    report(
      'listPeople county filter, admin',
      await sample(n, (i) => listPeople(ctx('admin'), { ...page, jurisdictionId: p.countyIds[i % p.countyIds.length] })),
    );
    report('listPeople page, admin (whole province)', await sample(n, () => listPeople(ctx('admin'), page)));
    report(
      'listOrgUnits county, county leader',
      await sample(n, () => listOrgUnits(ctx('countyLeader'), { jurisdictionId: p.countyIds[0] })),
    );
    report(
      'listOrgUnits county, admin',
      await sample(n, (i) => listOrgUnits(ctx('admin'), { jurisdictionId: p.countyIds[i % p.countyIds.length] })),
    );
    report('resolveSession (every request)', await sample(n * 4, () => resolveSession(db, sessions.stationInspector.token)));
    report(
      'login (argon2id verify + session)',
      await sample(
        env.scale === 'province' ? 10 : 3,
        () => login(db, { username: p.accounts.stationInspector, password: BENCH_PASSWORD }, {}),
        1,
      ),
    );

    const [{ n: people }] = ((await db.execute(sql`select count(*)::int as n from users`)) as any).rows;
    env.figure('people in database', people, 'rows');
  },
};
export default suite;
