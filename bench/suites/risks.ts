import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { addDays, shanghaiToday } from '../../src/contracts/calendar.js';
import { buildApp } from '../../src/server/app.js';
import { BENCH_PASSWORD, type GeneratedProvince } from '../generate/province.js';
import { sample, type BenchSuite } from '../lib.js';

/**
 * The risk register's list pages over real HTTP: 40 risks per station across the generated province
 * (a third overdue, a quarter closed), then p95 of 风险清单 for a station inspector (default, overdue
 * only) and a province admin (overdue, a grade filter), and of the 工作台 (target < 100 ms).
 */
const PER_STATION = 40;

const suite: BenchSuite = {
  name: 'risks',
  after: ['org', 'entities'],
  async run(env) {
    const db = env.database.db;
    const province = env.shared.province as GeneratedProvince | undefined;
    if (!province?.accounts) {
      env.figure('skipped (needs the generated province: run with the org suite)', 0, '');
      return;
    }
    const rows = async (q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: any[] }).rows;
    const today = shanghaiToday();
    const t0 = performance.now();
    // One owner per station (any station person), one unit per risk where the station has units.
    await db.execute(sql`
      insert into risks (jurisdiction_id, channel, category, title, description, level, owner_id, deadline, found_on, status, closed_on)
      select s.id, 'inspection', 'drug', '风险' || g, '基准测试风险', (array['general','major','serious'])[1 + g % 3],
             o.id, ${addDays(today, -30)}::date + (g % 60), ${addDays(today, -60)}::date + (g % 50),
             case when g % 4 = 0 then 'closed' when g % 4 = 1 then 'controlling' else 'open' end,
             case when g % 4 = 0 then ${today}::date end
      from jurisdictions s
      cross join lateral (select u.id from users u where u.jurisdiction_id = s.id and u.role in ('inspector','station_head') limit 1) o
      cross join generate_series(1, ${PER_STATION}) g
      where s.level = 'station'`);
    await db.execute(sql`
      insert into risk_entities (risk_id, entity_id, jurisdiction_id)
      select r.id, e.id, r.jurisdiction_id from risks r
      cross join lateral (select id from entities where jurisdiction_id = r.jurisdiction_id order by id offset (r.id % 20) limit 1) e`);
    await db.execute(sql`analyze risks`);
    await db.execute(sql`analyze risk_entities`);
    const [{ n }] = await rows(sql`select count(*)::int as n from risks`);
    env.figure('risks generated', Number(n), '', `(${((performance.now() - t0) / 1000).toFixed(1)} s)`);

    const app = await buildApp({ db, logger: false, loginRateLimit: 100_000, loginIpRateLimit: 100_000 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const login = async (username: string) => {
      const r = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: BENCH_PASSWORD, bearer: true }),
      });
      const j = (await r.json()) as { token?: string };
      if (!j.token) throw new Error(`risks bench: sign-in of ${username} failed`);
      return { authorization: `Bearer ${j.token}` };
    };
    try {
      const timed = async (label: string, headers: Record<string, string>, url: string) => {
        const s = await sample(40, async () => {
          const res = await fetch(`${base}${url}`, { headers });
          if (!res.ok) throw new Error(`${url} → ${res.status}`);
          await res.arrayBuffer();
        });
        env.figure(`${label}: p95`, s.p95, 'ms', `(p50 ${s.p50.toFixed(1)}; target < 100 ms)`);
      };
      const inspector = await login(province.accounts.stationInspector);
      const admin = await login(province.accounts.admin);
      await timed('风险清单 (station inspector)', inspector, '/api/risks');
      await timed('风险清单 overdue (station inspector)', inspector, '/api/risks?overdue=true');
      await timed('风险清单 overdue (province admin)', admin, '/api/risks?overdue=true');
      await timed('风险清单 重大, 管控中 (province admin)', admin, '/api/risks?level=serious&status=controlling');
      await timed('工作台 with risks (province admin)', admin, '/api/dashboard');
    } finally {
      await app.close();
    }
  },
};
export default suite;
