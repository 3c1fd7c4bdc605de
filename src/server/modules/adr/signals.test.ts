import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';
import { computeSignals, onBoundary } from './signals/compute.js';

let t: TestApp;
let office: Client;
let admin: Client;
let inspectorXl: Client;
const q = async (query: ReturnType<typeof sql>) => ((await t.database.db.execute(query)) as any).rows as any[];

/** Ten reports of 兴隆台区 in May 2026: code → (suspected drugs, reaction terms). */
const DATA: [string, string[], string[]][] = [
  ['S-1', ['甲药片'], ['皮疹']],
  ['S-2', ['甲药片'], ['皮疹']],
  ['S-3', ['甲药片'], ['皮疹', '恶心']],
  ['S-4', ['乙药片'], ['恶心']],
  ['S-5', ['乙药片'], ['头晕']],
  ['S-6', ['丙药片'], ['头晕']],
  ['S-7', ['乙药片'], ['皮疹']],
  ['S-8', ['丙药片'], ['恶心']],
  ['S-9', ['甲药片'], ['头晕']],
  // A drug and a term seen nowhere else: empty cells, PRR and ROR infinite.
  ['S-10', ['丁药片'], ['胸闷']],
];

function report(code: string, drugs: string[], reactions: string[], over: Record<string, unknown> = {}) {
  const day = String(1 + (Number(code.replace(/\D/g, '')) % 28)).padStart(2, '0');
  return {
    kind: 'drug',
    reportCode: code,
    reporterName: '兴隆台区人民医院',
    reporterKind: 'medical',
    patientSex: 'female',
    patientAge: 50,
    drugs: drugs.map((genericName) => ({ genericName })),
    reactions,
    seriousness: code === 'S-1' ? 'serious' : 'general',
    isNew: false,
    onsetOn: `2026-05-${day}`,
    reportedOn: `2026-05-${day}`,
    outcome: 'improved',
    death: false,
    ...over,
  };
}

const PERIOD = 'from=2026-05-01&to=2026-05-31';

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  admin = await t.as('admin');
  inspectorXl = await t.as('inspector_xl');
  for (const [code, drugs, reactions] of DATA) {
    const res = await office.post('/api/adr-reports', report(code, drugs, reactions));
    expect(res.statusCode, res.body).toBe(200);
  }
  // Another county's report of the same pair: never counted for 兴隆台区's people.
  const cg = (await q(sql`select id from jurisdictions where name = '查干旗'`))[0].id;
  const other = await admin.post(
    '/api/adr-reports',
    report('CG-S1', ['甲药片'], ['皮疹'], { jurisdictionId: cg, reporterName: '查干旗医院' }),
  );
  expect(other.statusCode, other.body).toBe(200);
});
afterAll(() => t.close());

it('gives a pair the hand-computed N, E, PRR and ROR, equal to computeSignals on the same rows', async () => {
  const res = await office.get(`/api/adr/signals?${PERIOD}&pageSize=200`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  expect(body.totals).toMatchObject({ reports: 10 });
  const pair = body.items.find((p: any) => p.drug === '甲药片' && p.event === '皮疹');
  // 甲药片 in 4 reports, 皮疹 in 4, both in 3, of 10: a=3 b=1 c=1 d=5.
  expect(pair.N).toBe(3);
  expect(pair.E).toBeCloseTo((4 * 4) / 10, 12);
  expect(pair.PRR).toBeCloseTo(3 / 4 / (1 / 6), 12);
  expect(pair.ROR).toBeCloseTo((3 * 5) / (1 * 1), 12);

  const rows = DATA.flatMap(([code, drugs, events]) => drugs.flatMap((drug) => events.map((event) => ({ reportId: code, drug, event }))));
  const ref = computeSignals(rows);
  expect(body.totals.pairs).toBe(ref.pairs.length);
  for (const r of ref.pairs) {
    const got = body.items.find((p: any) => p.drug === r.drug && p.event === r.event);
    expect(got, `${r.drug}/${r.event}`).toBeDefined();
    for (const m of ['N', 'E', 'PRR', 'PRR_chi2', 'ROR', 'ROR_lower95', 'IC', 'IC025', 'EBGM', 'EB05'] as const) {
      const v = (r as any)[m] as number;
      if (Number.isFinite(v)) expect(got[m], `${r.drug}/${r.event} ${m}`).toBeCloseTo(v, 10);
      else expect([got[m], got.nonFinite[m]]).toEqual([null, Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity']);
    }
  }
  expect(body.hyper.alpha1).toBeCloseTo(ref.hyper.alpha1, 10);
  // 丁药片/胸闷: b = c = 0, so PRR and ROR are Infinity: null on the wire, with the flag.
  const lone = body.items.find((p: any) => p.drug === '丁药片');
  expect([lone.PRR, lone.ROR, lone.nonFinite]).toEqual([null, null, expect.objectContaining({ PRR: 'Infinity', ROR: 'Infinity' })]);
});

it('filters by drug, sorts and pages without changing the background', async () => {
  const all = (await office.get(`/api/adr/signals?${PERIOD}&pageSize=200`)).json();
  const one = (await office.get(`/api/adr/signals?${PERIOD}&drug=甲药&sort=PRR&pageSize=2`)).json();
  expect(one.total).toBe(all.items.filter((p: any) => p.drug === '甲药片').length);
  expect(one.items).toHaveLength(2);
  expect(one.items.every((p: any) => p.drug === '甲药片')).toBe(true);
  const full = all.items.find((p: any) => p.drug === one.items[0].drug && p.event === one.items[0].event);
  expect(one.items[0]).toEqual(full);
  expect(one.items[0].PRR ?? Infinity).toBeGreaterThanOrEqual(one.items[1].PRR ?? -1);
  const signals = (await office.get(`/api/adr/signals?${PERIOD}&onlySignals=true&pageSize=200`)).json();
  expect(signals.total).toBe(all.items.filter((p: any) => p.signal).length);
  expect(signals.items.every((p: any) => p.N >= 3)).toBe(true);
});

it('scopes: another county’s reports are not counted; another area → 404; a station sees only its own', async () => {
  const admins = (await admin.get(`/api/adr/signals?${PERIOD}&drug=甲药片&event=皮疹`)).json();
  expect(admins.items[0].N).toBe(4);
  const cg = (await q(sql`select id from jurisdictions where name = '查干旗'`))[0].id;
  expect((await office.get(`/api/adr/signals?jurisdictionId=${cg}`)).statusCode).toBe(404);
  expect((await office.get(`/api/adr/signals/reports?drug=甲药片&event=皮疹&jurisdictionId=${cg}`)).statusCode).toBe(404);
  const xl = (await inspectorXl.get(`/api/adr/signals?${PERIOD}`)).json();
  expect(xl).toMatchObject({ total: 0, totals: { reports: 0, pairs: 0 } });
  expect((await inspectorXl.get('/api/adr/signals/reports?drug=甲药片&event=皮疹')).json().total).toBe(0);
});

it('drills down to exactly the reports with that drug and reaction term', async () => {
  const res = await office.get(`/api/adr/signals/reports?drug=甲药片&event=皮疹&${PERIOD}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(
    res
      .json()
      .items.map((r: any) => r.reportCode)
      .sort(),
  ).toEqual(['S-1', 'S-2', 'S-3']);
  expect(res.json().total).toBe(3);
  const admins = (await admin.get('/api/adr/signals/reports?drug=甲药片&event=皮疹')).json();
  expect(admins.items.map((r: any) => r.reportCode).sort()).toEqual(['CG-S1', 'S-1', 'S-2', 'S-3']);
  expect((await office.get('/api/adr/signals/reports?drug=甲药&event=皮疹')).json().total).toBe(0);
});

it('counts reports per month and draws funnel limits around the overall rate', async () => {
  const trend = (await office.get('/api/adr/trend?from=2026-04-01&to=2026-06-30')).json();
  expect(trend).toEqual([
    { month: '2026-04', reports: 0, serious: 0 },
    { month: '2026-05', reports: 10, serious: 1 },
    { month: '2026-06', reports: 0, serious: 0 },
  ]);
  expect((await office.get('/api/adr/trend?drug=乙药片')).json()).toEqual([{ month: '2026-05', reports: 3, serious: 0 }]);

  const pop = await office.put('/api/adr-population', { jurisdictionId: t.org.districtId, year: 2026, population: 1_000_000, version: 0 });
  expect(pop.statusCode, pop.body).toBe(200);
  const f = (await office.get('/api/adr/funnel?year=2026')).json();
  const p = f.points.find((x: any) => x.countyId === t.org.districtId);
  // p = 10 / 1e6; limits 10 ± 1.96 × √10 per million.
  expect(f.overallPerMillion).toBe(10);
  expect(p).toMatchObject({ reports: 10, perMillion: 10, lower: 3.8, upper: 16.2, outside: null });
  expect(f.limits.length).toBeGreaterThan(2);
});

it('takes the signal thresholds from the area’s settings (data), and minN from the query', async () => {
  const before = (await office.get(`/api/adr/signals?${PERIOD}&drug=甲药片&event=皮疹`)).json();
  const pair = before.items[0];
  // Raise N's bound above the pair's N: no longer a signal, whatever its other measures.
  const s = (await office.get('/api/adr-settings')).json();
  const saved = await office.put('/api/adr-settings', { ...s, signalMinN: 4 });
  expect(saved.statusCode, saved.body).toBe(200);
  expect(saved.json()).toMatchObject({ signalMinN: 4, signalMinPrr: 2, signalMinEb05: 2 });
  const after = (await office.get(`/api/adr/signals?${PERIOD}&drug=甲药片&event=皮疹`)).json();
  expect(after.items[0]).toMatchObject({ N: pair.N, PRR: pair.PRR, signal: false });
  expect(after.rule).toMatch(/N ≥ 4/);
  // Only the PRR branch left open (PRR 4.5 ≥ 2, χ² ≥ 0; IC025 and EB05 bounds out of reach): a signal again.
  const s2 = (await office.get('/api/adr-settings')).json();
  await office.put('/api/adr-settings', { ...s2, signalMinN: 3, signalMinChi2: 0, signalMinIc025: 10, signalMinEb05: 100 });
  const lowered = (await office.get(`/api/adr/signals?${PERIOD}&drug=甲药片&event=皮疹`)).json();
  expect(pair.PRR).toBeCloseTo(4.5, 12);
  expect(lowered.items[0].signal).toBe(true);
  expect((await office.get(`/api/adr/signals?${PERIOD}&drug=甲药片&event=皮疹&minN=4`)).json()).toMatchObject({ total: 0 });
});

it('fits the EBGM prior once per set of counts: the same period reuses the stored fit, a new report fits again', async () => {
  await q(sql`delete from adr_signal_priors`);
  const first = (await office.get(`/api/adr/signals?${PERIOD}&pageSize=200`)).json();
  expect(first.hyper.reused).toBe(false);
  // Ten reports: the fit runs to the boundary (one shape → 0, others past the limit), and the answer says so.
  expect(first.hyper.boundary).toBe(onBoundary({ ...first.hyper }));
  expect(first.hyper.boundary).toBe(true);
  expect(await q(sql`select points_key from adr_signal_priors`)).toHaveLength(1);

  // Same counts (another filter, another page): read back, not refitted, same values to the bit.
  const again = (await office.get(`/api/adr/signals?${PERIOD}&drug=甲药&pageSize=1`)).json();
  expect(again.hyper).toEqual({ ...first.hyper, reused: true });
  const pair = (b: any) => b.items.find((p: any) => p.drug === '甲药片' && p.event === '皮疹');
  expect(pair(again).EBGM).toBe(pair(first).EBGM);

  // The stored row is what is used: a changed row changes the answer (then put back).
  const [stored] = await q(sql`select points_key, alpha1 from adr_signal_priors`);
  await q(sql`update adr_signal_priors set alpha1 = alpha1 * 2`);
  const altered = (await office.get(`/api/adr/signals?${PERIOD}&pageSize=200`)).json();
  expect(altered.hyper.alpha1).toBe(stored.alpha1 * 2);
  expect(pair(altered).EBGM).not.toBe(pair(first).EBGM);
  await q(sql`update adr_signal_priors set alpha1 = ${stored.alpha1}`);

  // Another county's people count other reports: their own fit, not 兴隆台区's.
  const admins = (await admin.get(`/api/adr/signals?${PERIOD}&pageSize=1`)).json();
  expect(admins.hyper.reused).toBe(false);

  // A new report in the period changes the counts: fitted again and stored beside the first.
  const res = await office.post('/api/adr-reports', report('S-11', ['丙药片'], ['皮疹']));
  expect(res.statusCode, res.body).toBe(200);
  const after = (await office.get(`/api/adr/signals?${PERIOD}&pageSize=200`)).json();
  expect(after.hyper.reused).toBe(false);
  expect(after.totals.reports).toBe(11);
  expect(await q(sql`select points_key from adr_signal_priors where points_key <> ${stored.points_key}`)).toHaveLength(2);
});
