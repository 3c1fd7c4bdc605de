import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { addDays, shanghaiToday } from '../../src/contracts/calendar.js';
import { checklistFor } from '../../src/contracts/checklists/index.js';
import { buildApp } from '../../src/server/app.js';
import { BENCH_PASSWORD, type GeneratedProvince } from '../generate/province.js';
import { sample, type BenchSuite } from '../lib.js';

/**
 * Field inspections under load, over real HTTP (keep-alive fetch from 50 concurrent clients):
 *  - submitting an on-site record with 20 checklist items, 3 findings, a rectification order and 2
 *    signature images (the inspector's own and the unit's): throughput and p50/p99 latency
 *    (target ≥ 500/s, p99 < 100 ms on PostgreSQL);
 *  - an inspector's 今日检查 list and a province admin's overdue-rectification list: p95 (< 100 ms).
 * The second inspector's confirmation by password is not in the loop: argon2 verification is
 * deliberately slow (tens of ms of CPU), so it is timed on its own.
 */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);

const suite: BenchSuite = {
  name: 'inspections',
  after: ['org', 'entities'],
  async run(env) {
    const db = env.database.db;
    const province = env.shared.province as GeneratedProvince | undefined;
    if (!province?.accounts) {
      env.figure('skipped (needs the generated province: run with the org suite)', 0, '');
      return;
    }
    const rows = async (q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: any[] }).rows;
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
      if (!j.token) throw new Error(`inspections bench: sign-in of ${username} failed`);
      return { authorization: `Bearer ${j.token}`, 'content-type': 'application/json' };
    };
    try {
      const inspector = province.accounts.stationInspector;
      const headers = await login(inspector);
      const [me] = await rows(sql`select u.id, u.jurisdiction_id from users u where u.username = ${inspector}`);
      const [partner] = await rows(
        sql`select id from users where jurisdiction_id = ${me.jurisdiction_id} and role in ('inspector','station_head') and active and id <> ${me.id} limit 1`,
      );
      const units = await rows(
        sql`select id, kind from entities where jurisdiction_id = ${me.jurisdiction_id} and kind in ('pharmacy_single','pharmacy_chain') order by id limit 500`,
      );
      if (!partner || !units.length) {
        env.figure('skipped (no second inspector or pharmacy at the station)', 0, '');
        return;
      }
      // Every signature is different (as drawn ones are): identical bytes would be one stored file, and
      // records storing the same content serialise on its lock, which real signatures never do.
      const total = env.scale === 'province' ? 3000 : 500;
      const pngs: string[] = [];
      for (let i = 0; i < total + 200; i++) {
        const b = await sharp({
          create: { width: 300, height: 120, channels: 4, background: { r: i % 256, g: (i >> 8) % 256, b: 7, alpha: 0.4 } },
        })
          .png()
          .toBuffer();
        pngs.push(`data:image/png;base64,${b.toString('base64')}`);
      }
      const png = pngs[0];
      const items = checklistFor(null, units[0].kind)
        .sections.flatMap((s) => s.items)
        .slice(0, 20);
      const today = shanghaiToday();
      const body = (i: number) => {
        const unit = units[i % units.length];
        const answers = checklistFor(null, unit.kind)
          .sections.flatMap((s) => s.items)
          .map((it, k) => ({ itemKey: it.key, result: k < 3 ? 'fail' : 'pass', note: k < 3 ? '现场发现问题' : undefined }));
        return JSON.stringify({
          clientId: randomUUID(),
          entityId: unit.id,
          kind: 'special',
          date: today,
          startedAt: '09:00',
          endedAt: '09:40',
          inspectorIds: [me.id, partner.id],
          answers,
          findings: answers.slice(0, 3).map((a) => ({ itemKey: a.itemKey, severity: 'general', description: '进货查验记录不完整' })),
          measures: [{ kind: 'rectify', deadline: addDays(today, 7) }],
          signatures: [
            { signer: 'inspector', userId: me.id, image: pngs[(2 * i) % pngs.length] },
            { signer: 'unit', name: '店长', image: pngs[(2 * i + 1) % pngs.length] },
          ],
        });
      };
      env.figure('checklist items per record', items.length, 'items', `(${units.length} pharmacies at the station)`);

      // Warm up, then the load run: CLIENTS workers sending records back to back.
      for (let i = 0; i < 20; i++) await fetch(`${base}/api/inspections`, { method: 'POST', headers, body: body(i) });
      const lat: number[] = [];
      let next = 0;
      let failed = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          while (next < total) {
            const i = next++;
            const s = performance.now();
            const r = await fetch(`${base}/api/inspections`, { method: 'POST', headers, body: body(i + 100) });
            await r.arrayBuffer();
            if (r.status !== 200) failed++;
            lat.push(performance.now() - s);
          }
        }),
      );
      const secs = (performance.now() - t0) / 1000;
      lat.sort((a, b) => a - b);
      const pct = (p: number) => lat[Math.min(lat.length - 1, Math.ceil((p / 100) * lat.length) - 1)];
      env.figure(
        `record on site, ${CLIENTS} clients: throughput`,
        total / secs,
        '/s',
        `(${total} records, ${failed} refused; target ≥ 500/s on PostgreSQL)`,
      );
      env.figure('record on site: p50', pct(50), 'ms');
      env.figure('record on site: p99', pct(99), 'ms', '(target < 100 ms)');

      // The second inspector confirming with a password on the same phone (argon2 verify).
      const [draft] = await rows(
        sql`select id from inspections where status = 'draft' and jurisdiction_id = ${me.jurisdiction_id} order by id desc limit 1`,
      );
      const partnerName = (await rows(sql`select username from users where id = ${partner.id}`))[0].username;
      const partnerHeaders = await login(partnerName);
      const sign = await sample(
        5,
        async (i) => {
          const [d] = await rows(
            sql`select id from inspections where status = 'draft' and jurisdiction_id = ${me.jurisdiction_id} order by id desc limit 1 offset ${i + 10}`,
          );
          await fetch(`${base}/api/inspections/${d?.id ?? draft.id}/sign`, {
            method: 'POST',
            headers: partnerHeaders,
            body: JSON.stringify({ image: png }),
          });
        },
        1,
      );
      env.figure('second inspector signs (own session): p50', sign.p50, 'ms', '(signs off: numbers, rectification)');

      // Lists: 今日检查 of the inspector; overdue rectifications of a province admin.
      await db.execute(
        sql`update rectifications set deadline = ${addDays(today, -5)}::date where id in (select id from rectifications order by id limit 200)`,
      );
      const todayList = await sample(40, async () => (await fetch(`${base}/api/inspections/today`, { headers })).arrayBuffer());
      env.figure('今日检查 (inspector): p95', todayList.p95, 'ms', `(p50 ${todayList.p50.toFixed(1)}; target < 100 ms)`);
      const admin = await login(province.accounts.admin);
      const overdue = await sample(40, async () =>
        (await fetch(`${base}/api/rectifications?overdue=true`, { headers: admin })).arrayBuffer(),
      );
      env.figure('overdue rectifications (province admin): p95', overdue.p95, 'ms', `(p50 ${overdue.p50.toFixed(1)}; target < 100 ms)`);
      const dash = await sample(20, async () => (await fetch(`${base}/api/dashboard`, { headers: admin })).arrayBuffer());
      env.figure('工作台 (province admin): p95', dash.p95, 'ms');
    } finally {
      await app.close();
    }
  },
};
export default suite;
