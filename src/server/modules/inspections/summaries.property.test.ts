import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiToday } from '../../../contracts/calendar.js';
import { ENTITY_KINDS } from '../../../contracts/entity-kinds.js';
import type { MeasureKey } from '../../../contracts/measures.js';
import { pointOf, type MeasureFilter } from '../../core/extensions.js';
import { ensureMeasureStart, fromSummaries, fromSummariesMany, markDay } from '../../core/measure-summaries.js';
import { seedDemoCampaigns } from '../../demo/seed-campaigns.js';
import { seedDemoDocuments } from '../../demo/seed-documents.js';
import { seedDemoEntities } from '../../demo/seed-entities.js';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';
import { refreshInspectionSummary } from './summary.js';

/**
 * The maintained report summaries are right: random sequences of inspections (paper records, edits,
 * withdrawals), findings, rectifications (closed by a 复查, extended), cases (filed, decided with
 * fines, confiscation or licence revocation, executed, closed, not penalised, filing revoked) and
 * referrals, all through the API, then every inspection and case measure over many filters (periods,
 * cumulative starts kept and not kept, kinds, categories, campaign, subtrees) compared with an oracle
 * computed here in JavaScript from the raw rows — no code under test. The summaries must answer the
 * filters they apply to (checked), and `compute` (summaries or raw SQL) must equal the oracle.
 */
const SEED = Number(process.env.SUMMARY_SEED ?? 20261202);
const STEPS = Number(process.env.SUMMARY_STEPS ?? 40);
const today = shanghaiToday();
const rng = xoroshiro128plus(SEED);
const int = (a: number, b: number) => uniformInt(rng, a, b);
const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)];
const chance = (p: number) => int(0, 999) < p * 1000;
const START_KEPT = '2025-01-01';
const START_ADDED = '2025-07-01';
const START_RAW = '2025-03-15';
const randomDate = (from = '2025-01-01') => {
  const span = Math.max(0, Math.round((Date.parse(today) - Date.parse(from)) / 86_400_000));
  return addDays(from, int(0, span));
};
/** Month ends from January 2025 to last month: marks are made at half of them first, the rest midway. */
const MARKS = Array.from({ length: 36 }, (_, k) =>
  addDays(`${2025 + Math.floor((k + 1) / 12)}-${String(((k + 1) % 12) + 1).padStart(2, '0')}-01`, -1),
).filter((d) => d < `${today.slice(0, 7)}-01`);
const monthEnd = (d: string) => addDays(`${addDays(`${d.slice(0, 7)}-28`, 4).slice(0, 7)}-01`, -1);

let t: TestApp;
let cx: Client, xl: Client, enforcer: Client, leader: Client, dept: Client;
const units: { id: number; kind: string; jurisdiction_id: number }[] = [];
const pool: Record<number, number[]> = {};
let campaignId: number;
let campaignViolation = 'substandard-drug';
let paths: { station: string; other: string; county: string };
const rows = async (q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as any).rows as any[];

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoEntities(t.database.db, t.org);
  await seedDemoCampaigns(t.database.db, t.org);
  await seedDemoDocuments(t.database.db, t.org);
  [cx, xl, enforcer, leader, dept] = await Promise.all(['inspector_cx', 'inspector_xl', 'enforcer', 'leader', 'dept'].map((u) => t.as(u)));
  const cxStation = t.org.stations['创新'].jurisdictionId;
  const xlStation = t.org.stations['兴隆'].jurisdictionId;
  // A few units of different kinds (and so categories) at two stations.
  for (const [station, kinds] of [
    [cxStation, ['pharmacy_single', 'pharmacy_chain', 'device_dealer', 'cosmetics_store', 'medical_institution']],
    [xlStation, ['pharmacy_single', 'device_dealer']],
  ] as const) {
    for (const kind of kinds) {
      const [u] = await rows(
        sql`select id, kind, jurisdiction_id from entities where jurisdiction_id = ${station} and kind = ${kind} order by id limit 1`,
      );
      if (u) units.push(u);
    }
  }
  for (const station of [cxStation, xlStation]) {
    pool[station] = (
      await rows(
        sql`select id from users where jurisdiction_id = ${station} and role in ('inspector', 'station_head') and active order by id`,
      )
    ).map((r) => r.id);
  }
  const [c] = await rows(sql`select id from campaigns order by id limit 1`);
  campaignId = c.id;
  const [v] = await rows(
    sql`select definition->'violationTypes'->0->>'key' as key from campaign_versions where campaign_id = ${campaignId} order by version desc limit 1`,
  );
  if (v?.key) campaignViolation = v.key;
  const [p] = await rows(sql`select path from jurisdictions where id = ${cxStation}`);
  const [o] = await rows(sql`select path from jurisdictions where id = ${xlStation}`);
  const [k] = await rows(sql`select j.path from jurisdictions j join jurisdictions s on s.parent_id = j.id where s.id = ${cxStation}`);
  paths = { station: p.path, other: o.path, county: k.path };
  await ensureMeasureStart(t.database.db, pointOf(t.app.ext, 'measureSummaries'), START_KEPT);
}, 180_000);
afterAll(() => t?.close());

async function ok(res: { statusCode: number; body: string; json(): any }, what: string): Promise<any> {
  expect(res.statusCode, `${what}: ${res.body}`).toBe(200);
  return res.json();
}
const recorderOf = (station: number) => (station === t.org.stations['创新'].jurisdictionId ? cx : xl);

// ——— The writes, each through its route ———

async function recordInspection() {
  const u = pick(units);
  const who = pool[u.jurisdiction_id];
  const nFindings = pick([0, 0, 1, 2]);
  const rectify = nFindings > 0 ? chance(0.7) : chance(0.1);
  await ok(
    await recorderOf(u.jurisdiction_id).post('/api/inspections', {
      clientId: randomUUID(),
      entityId: u.id,
      kind: 'special',
      date: randomDate(),
      inspectorIds: who.slice(0, 2),
      ...(chance(0.3) ? { staffCount: int(2, 6) } : {}),
      ...(chance(0.3) ? { campaignId } : {}),
      findings: Array.from({ length: nFindings }, (_, i) => ({ severity: 'general', description: `问题${i + 1}` })),
      measures: rectify ? [{ kind: 'rectify', deadline: addDays(today, int(5, 40)) }] : [],
    }),
    'record',
  );
}

async function doneInspection() {
  const list = await rows(sql`select id, version, entity_id, jurisdiction_id, date::text as date, inspector_ids from inspections
    where status = 'done' and entity_id = any(${`{${units.map((u) => u.id).join(',')}}`}::int[]) order by id`);
  return list.length ? pick(list) : null;
}

async function editInspection() {
  const i = await doneInspection();
  if (!i) return;
  await ok(
    await recorderOf(i.jurisdiction_id).put(`/api/inspections/${i.id}`, {
      date: randomDate(),
      inspectorIds: i.inspector_ids,
      note: '更正日期',
      reason: '日期录错',
      version: i.version,
    }),
    'edit',
  );
}

async function withdrawInspection() {
  const i = await doneInspection();
  if (!i) return;
  await ok(
    await recorderOf(i.jurisdiction_id).post(`/api/inspections/${i.id}/withdraw`, { reason: '录错了单位', version: i.version }),
    'withdraw',
  );
}

async function openRectifications(entityId?: number) {
  return rows(sql`select r.id, r.version, r.deadline::text as deadline, i.id as inspection_id, i.entity_id, i.jurisdiction_id,
      i.date::text as date
    from rectifications r join inspections i on i.id = r.inspection_id
    where i.status = 'done' and r.status <> 'closed' ${entityId ? sql`and i.entity_id = ${entityId}` : sql``} order by r.id`);
}
async function openRectification() {
  const list = await openRectifications();
  return list.length ? pick(list) : null;
}

async function recheck(r?: Awaited<ReturnType<typeof openRectification>>, close = chance(0.75)) {
  r ??= await openRectification();
  if (!r) return;
  await ok(
    await recorderOf(r.jurisdiction_id).post('/api/inspections', {
      clientId: randomUUID(),
      entityId: r.entity_id,
      kind: 'recheck',
      recheckOf: r.inspection_id,
      date: randomDate(r.date),
      inspectorIds: pool[r.jurisdiction_id].slice(0, 2),
      rectificationResults: [
        close ? { rectificationId: r.id, result: 'closed' } : { rectificationId: r.id, result: 'extended', deadline: addDays(today, 60) },
      ],
    }),
    'recheck',
  );
}

async function extendRectification() {
  const r = await openRectification();
  if (!r) return;
  await ok(
    await recorderOf(r.jurisdiction_id).post(`/api/rectifications/${r.id}/extend`, {
      deadline: addDays(r.deadline > today ? r.deadline : today, int(1, 20)),
      reason: '申请延期',
      version: r.version,
    }),
    'extend',
  );
}

async function caseStep(id: number, action: string, who: Client, extra: Record<string, unknown> = {}) {
  const c = await ok(await who.get(`/api/cases/${id}`), 'case');
  const a = c.actions.find((x: any) => x.action === action);
  expect(a, `${action} from ${c.status}`).toBeTruthy();
  return ok(await who.post(`/api/cases/${id}/${a.via}`, { action, version: c.version, ...extra }), action);
}

async function fileCase() {
  const u = pick(units);
  const ordinary = u.jurisdiction_id !== t.org.stations['创新'].jurisdictionId || chance(0.6);
  const who = ordinary ? enforcer : cx;
  let c = await ok(
    await who.post('/api/cases', {
      entityId: u.id,
      procedure: ordinary ? 'ordinary' : 'simple',
      facts: '当事人销售超过有效期的药品',
      goodsValue: 800,
      violationDate: addDays(today, -30),
      persons: [{ name: '王某', role: '主要负责人' }],
      // A campaign's cases take a violation type of its catalogue.
      ...(chance(0.4) ? { campaignId, violationType: campaignViolation } : { violationType: 'substandard-drug' }),
    }),
    'file',
  );
  if (!ordinary) {
    // 简易程序: a warning or a small fine, decided by the station inspector, then maybe executed and closed.
    c = await ok(
      await cx.put(`/api/cases/${c.id}/penalty`, { article: 'drug-law-130', tier: 'base', warning: true, version: c.version }),
      'penalty',
    );
    if (chance(0.8)) c = await caseStep(c.id, 'decide', cx);
    return;
  }
  const end = pick(['proposed', 'not_filed', 'investigating', 'revoked', 'decided', 'executed', 'closed', 'not_penalised']);
  if (end === 'proposed') return;
  if (end === 'not_filed') return void (await caseStep(c.id, 'reject_filing', leader, { note: '不符合立案条件' }));
  c = await caseStep(c.id, 'approve_filing', leader);
  if (end === 'investigating') return;
  if (end === 'revoked') return void (await caseStep(c.id, 'revoke', leader, { note: '撤销立案' }));
  if (end === 'not_penalised') return void (await caseStep(c.id, 'no_penalty', leader, { note: '违法行为轻微并及时改正' }));
  const revoke = chance(0.4);
  c = await ok(
    await enforcer.put(
      `/api/cases/${c.id}/penalty`,
      revoke
        ? { article: 'drug-law-130', tier: 'serious', revokeLicence: true, version: c.version }
        : {
            article: 'drug-law-117-retail',
            tier: 'base',
            confiscateGoods: true,
            confiscatedIncome: int(0, 3) * 250,
            fine: 100_000 + int(0, 10) * 1000,
            version: c.version,
          },
    ),
    'penalty',
  );
  c = await caseStep(c.id, 'submit_review', enforcer);
  c = await caseStep(c.id, 'pass_review', dept);
  c = await caseStep(c.id, 'notify', enforcer);
  c = await caseStep(c.id, 'decide', leader);
  if (end === 'decided') return;
  c = await caseStep(c.id, 'execute', enforcer);
  if (end === 'closed') await caseStep(c.id, 'close', enforcer);
}

async function refer() {
  const list =
    await rows(sql`select c.id, c.version from cases c where c.status in ('investigating','reviewing','reviewed','notified','decided','executed','closed')
    and not exists (select 1 from case_referrals r where r.case_id = c.id) order by c.id`);
  if (!list.length) return;
  const c = pick(list);
  const after = await ok(
    await enforcer.post(`/api/cases/${c.id}/referral`, { version: c.version, reason: '涉嫌犯罪' }),
    'propose referral',
  );
  let r = after.referral;
  if (chance(0.2)) return;
  r = await ok(await leader.post(`/api/referrals/${r.id}/approve`, { action: 'approve', version: r.version }), 'approve referral');
  if (chance(0.2)) return;
  await ok(
    await enforcer.post(`/api/referrals/${r.id}/transition`, { action: 'send', version: r.version, policeUnit: '公安分局' }),
    'send referral',
  );
}

async function changeKind() {
  const u = pick(units);
  const kind = pick(['pharmacy_single', 'pharmacy_chain', 'device_dealer', 'cosmetics_store', 'medical_institution']);
  if (kind === u.kind) return;
  const admin = await t.as('admin');
  const e = await ok(await admin.get(`/api/entities/${u.id}`), 'entity');
  await ok(await admin.patch(`/api/entities/${u.id}`, { kind, version: e.version }), 'change kind');
  u.kind = kind;
}

/**
 * Days passing: closing a rectification stamps the moment it is recorded, so the days between a
 * closing and a later finding (完成整改单位 counted, then not) only appear as time goes by. One unit's
 * open rectifications are closed by rechecks (the API), then its closings of today are moved back to
 * days within a few weeks of their inspections, the unit's summary refreshed in the same transaction as
 * every write touching the unit does.
 */
/** A closing within a few weeks of its inspection (a rectification's usual deadline), never after today. */
const closingDay = (inspected: string) => {
  const d = addDays(inspected, int(0, 25));
  return d > today ? today : d;
};
async function closedEarlier() {
  const withRects = await rows(sql`select distinct i.entity_id as id from rectifications r join inspections i on i.id = r.inspection_id
    where i.status = 'done' and (r.status <> 'closed' or (r.closed_at at time zone 'Asia/Shanghai')::date = ${today}::date) order by 1`);
  if (!withRects.length) return;
  const u = pick(withRects);
  for (const r of await openRectifications(u.id)) await recheck(r, true);
  const closed = await rows(sql`select r.id, i.date::text as date from rectifications r join inspections i on i.id = r.inspection_id
    where i.entity_id = ${u.id} and r.status = 'closed' and (r.closed_at at time zone 'Asia/Shanghai')::date = ${today}::date`);
  await t.database.db.transaction(async (tx) => {
    for (const r of closed)
      await tx.execute(
        sql`update rectifications set closed_at = (${closingDay(r.date)}::date + time '10:00') at time zone 'Asia/Shanghai' where id = ${r.id}`,
      );
    await refreshInspectionSummary(tx, [u.id]);
  });
}

const WRITES: [number, () => Promise<void>][] = [
  [8, recordInspection],
  [2, editInspection],
  [1, withdrawInspection],
  [3, () => recheck()],
  [1, extendRectification],
  [3, fileCase],
  [1, refer],
  [1, changeKind],
  [2, closedEarlier],
];
const randomWrite = () => {
  let n = int(
    1,
    WRITES.reduce((a, [w]) => a + w, 0),
  );
  for (const [w, f] of WRITES) if ((n -= w) <= 0) return f;
  return WRITES[0][1];
};

// ——— The oracle: the definitions, in JavaScript over the raw rows ———

interface Raw {
  insp: {
    id: number;
    entity_id: number;
    jurisdiction_id: number;
    date: string;
    campaign: number | null;
    officers: number;
    findings: number;
  }[];
  rects: { inspection_id: number; closed_on: string | null }[];
  cases: any[];
  sent: { jurisdiction_id: number; entity_id: number; campaign_id: number | null; sent_on: string }[];
  kinds: Map<number, string>;
  paths: Map<number, string>;
}

async function loadRaw(): Promise<Raw> {
  const insp = await rows(sql`select i.id, i.entity_id, i.jurisdiction_id, i.date::text as date,
      coalesce(i.campaign_id, p.campaign_id) as campaign, coalesce(i.staff_count, cardinality(i.inspector_ids)) as officers,
      (select count(*)::int from inspection_findings f where f.inspection_id = i.id) as findings
    from inspections i left join plans p on p.id = i.plan_id where i.status = 'done'`);
  const rects = await rows(
    sql`select inspection_id, case when status = 'closed' then (closed_at at time zone 'Asia/Shanghai')::date::text end as closed_on from rectifications`,
  );
  const cases =
    await rows(sql`select id, entity_id, jurisdiction_id, campaign_id, status, filed_on::text as filed_on, decided_on::text as decided_on,
    closed_on::text as closed_on, penalty from cases`);
  const sent =
    await rows(sql`select c.jurisdiction_id, c.entity_id, c.campaign_id, (r.sent_at at time zone 'Asia/Shanghai')::date::text as sent_on
    from case_referrals r join cases c on c.id = r.case_id where r.sent_at is not null`);
  const kinds = new Map((await rows(sql`select id, kind from entities`)).map((r) => [r.id as number, r.kind as string]));
  const paths = new Map((await rows(sql`select id, path from jurisdictions`)).map((r) => [r.id as number, r.path as string]));
  return { insp, rects, cases, sent, kinds, paths };
}

function oracle(raw: Raw, key: MeasureKey, f: MeasureFilter): Map<number, number> {
  const inPeriod = (d: string | null) => !!d && d >= f.from && d <= f.to;
  const sectorKinds = f.category ? ENTITY_KINDS.filter((k) => k.sector === f.category).map((k) => k.code as string) : null;
  const unitOk = (entity: number, jurisdiction: number, campaign: number | null) => {
    const kind = raw.kinds.get(entity)!;
    if (f.entityKinds?.length && !f.entityKinds.includes(kind)) return false;
    if (sectorKinds && !sectorKinds.includes(kind)) return false;
    if (f.campaignId && campaign !== f.campaignId) return false;
    return (raw.paths.get(jurisdiction) ?? '').startsWith(f.path);
  };
  const out = new Map<number, number>();
  const add = (j: number, n: number) => n && out.set(j, Math.round(((out.get(j) ?? 0) + n) * 100) / 100);
  const distinct = (pairs: [number, number][]) => {
    for (const s of new Set(pairs.map(([j, e]) => `${j}:${e}`))) add(Number(s.split(':')[0]), 1);
  };
  const insp = raw.insp.filter((i) => inPeriod(i.date) && unitOk(i.entity_id, i.jurisdiction_id, i.campaign));
  const cases = (col: string) => raw.cases.filter((c) => inPeriod(c[col]) && unitOk(c.entity_id, c.jurisdiction_id, c.campaign_id));
  const fines = (p: any) =>
    !p
      ? 0
      : (p.fine ?? 0) +
        (p.confiscatedIncome ?? 0) +
        (p.persons ?? []).reduce((a: number, x: any) => a + (x.fine ?? 0) + (x.incomeConfiscated ?? 0), 0);
  switch (key) {
    case 'inspections.units':
      distinct(insp.map((i) => [i.jurisdiction_id, i.entity_id]));
      break;
    case 'inspections.visits':
      insp.forEach((i) => add(i.jurisdiction_id, 1));
      break;
    case 'inspections.findings':
      insp.forEach((i) => add(i.jurisdiction_id, i.findings));
      break;
    case 'inspections.officers':
      insp.forEach((i) => add(i.jurisdiction_id, i.officers));
      break;
    case 'inspections.violationUnits':
      distinct(insp.filter((i) => i.findings > 0).map((i) => [i.jurisdiction_id, i.entity_id]));
      break;
    case 'inspections.rectifiedUnits': {
      const byUnit = new Map<string, { closed: boolean; any: boolean }>();
      for (const i of insp.filter((x) => x.findings > 0)) {
        const k = `${i.jurisdiction_id}:${i.entity_id}`;
        const s = byUnit.get(k) ?? { closed: true, any: false };
        for (const r of raw.rects.filter((x) => x.inspection_id === i.id)) {
          s.any = true;
          if (!r.closed_on || r.closed_on > f.to) s.closed = false;
        }
        byUnit.set(k, s);
      }
      for (const [k, s] of byUnit) if (s.any && s.closed) add(Number(k.split(':')[0]), 1);
      break;
    }
    case 'cases.filed':
      cases('filed_on').forEach((c) => add(c.jurisdiction_id, 1));
      break;
    case 'cases.decided':
      cases('decided_on').forEach((c) => add(c.jurisdiction_id, 1));
      break;
    case 'cases.fines':
      cases('decided_on').forEach((c) => add(c.jurisdiction_id, fines(c.penalty)));
      break;
    case 'cases.closed':
      cases('closed_on')
        .filter((c) => c.status === 'closed' || c.status === 'not_penalised')
        .forEach((c) => add(c.jurisdiction_id, 1));
      break;
    case 'cases.revokedUnits':
      distinct(
        cases('decided_on')
          .filter((c) => c.penalty?.revokeLicence)
          .map((c) => [c.jurisdiction_id, c.entity_id]),
      );
      break;
    case 'cases.referred':
      raw.sent
        .filter((s) => inPeriod(s.sent_on) && unitOk(s.entity_id, s.jurisdiction_id, s.campaign_id))
        .forEach((s) => add(s.jurisdiction_id, 1));
      break;
    default:
      throw new Error(`no oracle for ${key}`);
  }
  return out;
}

const KEYS: MeasureKey[] = [
  'inspections.units',
  'inspections.visits',
  'inspections.findings',
  'inspections.officers',
  'inspections.violationUnits',
  'inspections.rectifiedUnits',
  'cases.filed',
  'cases.decided',
  'cases.fines',
  'cases.closed',
  'cases.revokedUnits',
  'cases.referred',
];

function filters(): MeasureFilter[] {
  const lastMonthEnd = addDays(`${today.slice(0, 7)}-01`, -1);
  const periods: [string, string][] = [
    [START_KEPT, today],
    [START_KEPT, lastMonthEnd],
    [START_KEPT, '2025-06-30'],
    [START_KEPT, '2025-09-17'],
    [START_ADDED, monthEnd(today)],
    [START_ADDED, addDays(today, -3)],
    [START_RAW, today],
    ['2025-02-01', '2025-11-30'],
    [`${today.slice(0, 7)}-01`, monthEnd(today)],
    ['2026-01-01', monthEnd(today)],
  ];
  const narrow: Partial<MeasureFilter>[] = [
    {},
    { entityKinds: ['pharmacy_single', 'pharmacy_chain'] },
    { category: 'device' },
    { category: 'drug', entityKinds: ['pharmacy_single', 'device_dealer'] },
    { campaignId },
  ];
  const areas = ['/', paths.station, paths.county, paths.other];
  const out: MeasureFilter[] = [];
  for (const [from, to] of periods)
    for (const n of narrow) for (const path of [pick(areas)]) out.push({ path, from, to, ...n } as MeasureFilter);
  return out;
}

async function checkAll(label: string) {
  const raw = await loadRaw();
  const measures = pointOf(t.app.ext, 'measures');
  const sources = pointOf(t.app.ext, 'measureSummaries');
  const used = new Set<string>();
  const all = filters();
  // A table asks for all its cells in one batch (one query per area and period, its rows differing
  // by unit kinds or category): every answer equals the definition too.
  const asked = all.flatMap((f) =>
    KEYS.map((key) => {
      const src = sources.find((s) => s.measures[key])!;
      return { source: src, key, shape: src.measures[key]!, filter: f };
    }),
  );
  const batch = await fromSummariesMany(t.database.db, asked);
  for (const [at, r] of asked.entries()) {
    const map = batch[at];
    if (map)
      expect(Object.fromEntries(map), `${label} (batch): ${r.key} ${JSON.stringify(r.filter)}`).toEqual(
        Object.fromEntries(oracle(raw, r.key, r.filter)),
      );
  }
  for (const [n, f] of all.entries()) {
    for (const key of KEYS) {
      const expected = oracle(raw, key, f);
      const m = measures.find((x) => x.key === key)!;
      const got = await m.compute(t.database.db, f);
      expect(Object.fromEntries(got), `${label}: ${key} ${JSON.stringify(f)}`).toEqual(Object.fromEntries(expected));
      const src = sources.find((s) => s.measures[key])!;
      const kept = await fromSummaries(t.database.db, src, key, src.measures[key]!, f);
      if (kept) {
        used.add(key);
        expect(Object.fromEntries(kept), `${label} (summaries): ${key} ${JSON.stringify(f)}`).toEqual(Object.fromEntries(expected));
      }
      // The drill-down lists the records behind the figure: counts per station, or the values of a sum.
      if (n % 7 === 0) {
        for (const [j, value] of expected) {
          const d = await m.drill(t.database.db, f, { jurisdictionId: j, limit: 1000, offset: 0 });
          const listed = m.unit === '元' || m.unit === '人次' ? d.rows.reduce((a, r) => a + (r.value ?? 0), 0) : d.total;
          expect(listed, `${label}: drill ${key} at ${j}`).toBeCloseTo(value, 2);
        }
      }
    }
  }
  return used;
}

describe('maintained report summaries', () => {
  it('equal the definitions over random writes and reversals, for every filter', async () => {
    const used = new Set<string>();
    for (let step = 1; step <= STEPS; step++) {
      await randomWrite()();
      if (step === 1) for (const at of MARKS.filter((_, k) => k % 2 === 0)) await markDay(t.database.db, at);
      if (step === Math.floor(STEPS / 2)) {
        await ensureMeasureStart(t.database.db, pointOf(t.app.ext, 'measureSummaries'), START_ADDED);
        // Marks built from the totals as they stand, then kept by the writes after them (dated before and after).
        for (const at of MARKS.filter((_, k) => k % 2 === 1)) await markDay(t.database.db, at);
      }
      if (step % 20 === 0 || step === STEPS) for (const k of await checkAll(`seed ${SEED}, after step ${step}`)) used.add(k);
    }
    // The summaries answered (not only the raw SQL) for every measure they keep.
    expect([...used].sort()).toEqual([...KEYS].sort());
    const [n] = await rows(sql`select count(*)::int as n from measure_unit_rows`);
    expect(n.n).toBeGreaterThan(0);
    // The marks were there to be used: every month end since January 2025.
    const [k] = await rows(sql`select (select count(*)::int from measure_mark_days) as days, count(*)::int as n from measure_marks`);
    expect(k.days).toBe(MARKS.length);
    expect(k.n).toBeGreaterThan(0);
  }, 240_000);
});
