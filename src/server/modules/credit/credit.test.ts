import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiToday } from '../../../contracts/calendar.js';
import type { CreditRuleDefinition } from '../../../contracts/credit.js';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';
import type { ModuleDefinition } from '../../core/extensions.js';
import { windowFrom } from './compute.js';
import type { CreditCountQuery } from './public.js';
import { DEFAULT_CREDIT_RULE } from './rules.js';

/**
 * Credit grading on hand-computed units: the rule's boundaries, the breakdown, bad rules, the
 * override workflow by role, the area run as a job, and the planner's frequency following the grade.
 */
let t: TestApp;
const c: Record<string, Client> = {};
const rows = async (q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as any).rows as any[];
let station: number;
const today = shanghaiToday();

/** An indicator contributed by another module through `count` only (no SQL select), as sampling will. */
const failures = new Map<number, number>();
const seenQueries: CreditCountQuery[] = [];
const samplingStandIn: ModuleDefinition = {
  name: 'sampling-stand-in',
  routes: async () => {},
  contributes: {
    creditIndicators: [
      {
        key: 'test.sampling_failures',
        label: '抽检不合格（测试）',
        unit: '次',
        async count(_db, q) {
          seenQueries.push(q);
          return new Map([...failures].filter(([id]) => !q.entityIds || q.entityIds.includes(id)));
        },
      },
    ],
  },
};

beforeAll(async () => {
  t = await createTestApp({ modules: [samplingStandIn] });
  station = t.org.stations['创新'].jurisdictionId;
  for (const u of ['admin', 'office', 'dept', 'leader', 'inspector_cx', 'viewer', 'coordinator']) c[u] = await t.as(u);
});
afterAll(() => t?.close());

let seq = 0;
async function unit(name: string, kind = 'pharmacy_single', jurisdictionId = station): Promise<number> {
  const [e] = await rows(
    sql`insert into entities (name, kind, jurisdiction_id) values (${`${name}${++seq}`}, ${kind}, ${jurisdictionId}) returning id`,
  );
  return e.id;
}
/** A done inspection of the unit on `date` with findings of the given severities. */
async function inspected(entityId: number, findings: Record<string, number>, date = addDays(today, -30), status = 'done') {
  const [i] = await rows(sql`insert into inspections (entity_id, jurisdiction_id, date, status, kind)
    select id, jurisdiction_id, ${date}::date, ${status}, 'special' from entities where id = ${entityId} returning id, jurisdiction_id`);
  for (const [severity, n] of Object.entries(findings))
    for (let k = 0; k < n; k++)
      await t.database.db.execute(
        sql`insert into inspection_findings (inspection_id, jurisdiction_id, severity, description) values (${i.id}, ${i.jurisdiction_id}, ${severity}, '问题')`,
      );
}
async function recompute(id: number, who = 'office') {
  const res = await c[who]!.post(`/api/credit-units/${id}/recompute`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const gradeOf = async (id: number) => (await rows(sql`select credit_grade from entities where id = ${id}`))[0].credit_grade;
async function ruleVersion() {
  return (await c.office!.get('/api/credit-rule')).json().version as number;
}
async function saveRule(definition: CreditRuleDefinition, who = 'office') {
  return c[who]!.put('/api/credit-rule', { definition, reason: '测试修订', version: await ruleVersion() });
}

/** General 1 point each (no cap), serious 5 (cap 15), severe 30: boundaries are easy to reach. */
const testRule: CreditRuleDefinition = {
  name: '测试规则',
  entityKinds: ['pharmacy_chain', 'pharmacy_single'],
  windowMonths: 24,
  baseScore: 100,
  items: [
    { indicator: 'inspections.findings_general', pointsEach: 1 },
    { indicator: 'inspections.findings_serious', pointsEach: 5, cap: 15 },
    { indicator: 'inspections.findings_severe', pointsEach: 30 },
  ],
  thresholds: { A: 90, B: 75, C: 60 },
  inferred: false,
  basis: '测试',
};

describe('the bundled default rule', () => {
  it('is marked inferred with its reason and refers only to contributed indicators', async () => {
    const res = await c.viewer!.get('/api/credit-rule');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ version: 0, actions: [] });
    expect(r.definition.inferred).toBe(true);
    expect(r.definition.basis).toContain('推定');
    const keys = r.indicators.map((i: any) => i.key);
    for (const item of r.definition.items) expect(keys).toContain(item.indicator);
    expect((await c.office!.get('/api/credit-rule')).json().actions).toEqual(['edit']);
  });

  it('grades by the default weights: no findings A, three severe findings D', async () => {
    const clean = await unit('守信药店');
    const bad = await unit('严重失信药店');
    await inspected(bad, { severe: 3 });
    expect((await recompute(clean)).latest).toMatchObject({ score: 100, grade: 'A', ruleVersion: 0, breakdown: [] });
    const d = await recompute(bad);
    expect(d.latest).toMatchObject({ score: 40, grade: 'D' });
    expect(d.latest.breakdown).toEqual([
      { indicator: 'inspections.findings_severe', label: '检查发现严重问题', count: 3, pointsEach: 20, cap: 60, points: 60 },
    ]);
    expect(await gradeOf(bad)).toBe('D');
  });

  it('a new grade bumps the unit’s version but not its 更新时间 (the registered particulars did not change)', async () => {
    const id = await unit('等级变化药店');
    const before = (await t.database.db.execute(sql`select version, updated_at from entities where id = ${id}`)) as any;
    await inspected(id, { severe: 3 });
    expect((await recompute(id)).latest).toMatchObject({ grade: 'D' });
    const after = (await t.database.db.execute(sql`select version, updated_at, credit_grade from entities where id = ${id}`)) as any;
    expect(after.rows[0].credit_grade).toBe('D');
    expect(after.rows[0].version).toBe(before.rows[0].version + 1);
    expect(new Date(after.rows[0].updated_at).getTime()).toBe(new Date(before.rows[0].updated_at).getTime());
  });
});

describe('bad rules are refused, nothing stored', () => {
  it('an unknown indicator, unordered thresholds, a stale version', async () => {
    const before = await rows(sql`select (select count(*)::int from credit_rules) as r, (select count(*)::int from audit_log) as a`);
    const unknown = await saveRule({ ...testRule, items: [...testRule.items, { indicator: 'adr.signals', pointsEach: 10 }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_INDICATOR', message: expect.stringContaining('adr.signals') });
    const unordered = await saveRule({ ...testRule, thresholds: { A: 90, B: 60, C: 75 } });
    expect(unordered.statusCode).toBe(400);
    expect(unordered.body).toContain('分级线须从高到低排列');
    const equal = await saveRule({ ...testRule, thresholds: { A: 90, B: 90, C: 60 } });
    expect(equal.statusCode).toBe(400);
    const dup = await saveRule({ ...testRule, items: [testRule.items[0]!, testRule.items[0]!] });
    expect(dup.statusCode).toBe(400);
    const stale = await c.office!.put('/api/credit-rule', { definition: testRule, reason: '旧版本', version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');
    const viewer = await c.viewer!.put('/api/credit-rule', { definition: testRule, reason: 'x', version: 0 });
    expect(viewer.statusCode).toBe(403);
    const after = await rows(sql`select (select count(*)::int from credit_rules) as r, (select count(*)::int from audit_log) as a`);
    expect(after).toEqual(before);
  });
});

describe('grades at the boundaries of a saved rule', () => {
  beforeAll(async () => {
    const res = await saveRule(testRule);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(1);
  });

  const cases: [string, Record<string, number>, number, string][] = [
    ['A at its line', { general: 10 }, 90, 'A'],
    ['B just under A', { general: 11 }, 89, 'B'],
    ['B at its line', { general: 25 }, 75, 'B'],
    ['C just under B', { general: 26 }, 74, 'C'],
    ['C at its line', { general: 40 }, 60, 'C'],
    ['D just under C', { general: 41 }, 59, 'D'],
    ['capped serious findings', { serious: 5 }, 85, 'B'],
    ['severe and general', { severe: 1, general: 3 }, 67, 'C'],
    ['never below zero', { severe: 5 }, 0, 'D'],
  ];
  for (const [name, findings, score, grade] of cases) {
    it(`${name}: ${JSON.stringify(findings)} → ${score} ${grade}`, async () => {
      const id = await unit(name);
      await inspected(id, findings);
      const d = await recompute(id);
      expect(d.latest).toMatchObject({ score, computedGrade: grade, grade, ruleVersion: 1 });
      expect(d.grade).toBe(grade);
      const deducted = d.latest.breakdown.reduce((s: number, b: any) => s + b.points, 0);
      expect(Math.max(100 - deducted, 0)).toBe(score);
      for (const b of d.latest.breakdown) expect(b.points).toBe(Math.min(b.count * b.pointsEach, b.cap ?? Infinity));
    });
  }

  it('uses an indicator another module contributes with `count` only', async () => {
    const res = await saveRule({
      ...testRule,
      items: [...testRule.items, { indicator: 'test.sampling_failures', pointsEach: 7, cap: 10 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const id = await unit('抽检不合格');
    failures.set(id, 2);
    await inspected(id, { general: 1 });
    const d = await recompute(id);
    expect(d.latest).toMatchObject({ score: 89, grade: 'B' });
    expect(d.latest.breakdown).toContainEqual({
      indicator: 'test.sampling_failures',
      label: '抽检不合格（测试）',
      count: 2,
      pointsEach: 7,
      cap: 10,
      points: 10,
    });
    expect(seenQueries.at(-1)).toEqual({ entityIds: [id], from: windowFrom(today, 24), to: today, path: undefined });
    const back = await saveRule(testRule);
    expect(back.statusCode, back.body).toBe(200);
  });

  it('counts only done inspections inside the window', async () => {
    const id = await unit('窗口外');
    const from = windowFrom(today, 24);
    await inspected(id, { severe: 1 }, addDays(from, -1)); // the day before the window
    await inspected(id, { severe: 1 }, addDays(today, -3), 'draft'); // not signed
    await inspected(id, { general: 1 }, from); // first day of the window
    expect((await recompute(id)).latest).toMatchObject({ score: 99, grade: 'A' });
  });

  it('keeps the grade history and shows it on the entity file', async () => {
    const id = await unit('历史');
    await recompute(id);
    await inspected(id, { general: 30 });
    const d = await recompute(id);
    expect(d.history.map((h: any) => [h.from, h.to, h.source])).toEqual([
      ['A', 'C', 'computed'],
      [null, 'A', 'computed'],
    ]);
    const tl = await c.inspector_cx!.get(`/api/entities/${id}/timeline`);
    expect(tl.statusCode, tl.body).toBe(200);
    expect(JSON.stringify(tl.json())).toContain('信用等级 A → C');
  });

  it('refuses a unit of a kind the rule does not grade, and a unit outside the caller’s area', async () => {
    const cosmetics = await unit('化妆品店', 'cosmetics_store');
    expect((await c.office!.post(`/api/credit-units/${cosmetics}/recompute`)).statusCode).toBe(409);
    const other = await unit('别所药店', 'pharmacy_single', t.org.stations['兴隆'].jurisdictionId);
    expect((await c.inspector_cx!.get(`/api/credit-units/${other}`)).statusCode).toBe(404);
    expect((await c.inspector_cx!.post(`/api/credit-units/${other}/recompute`)).statusCode).toBe(403);
  });
});

describe('manual override: requested → approved | rejected by a second person', () => {
  let id: number;
  beforeAll(async () => {
    id = await unit('调整');
    await recompute(id);
  });
  const request = (who: string, grade = 'C', extra: object = {}) =>
    c[who]!.post('/api/credit-overrides', { entityId: id, grade, reason: '群众多次投诉，约谈后仍未整改', ...extra });

  it('refuses requests by roles without credit.manage and approvals by the requester or roles without credit.approve', async () => {
    expect((await request('inspector_cx')).statusCode).toBe(403);
    expect((await request('viewer')).statusCode).toBe(403);
    const res = await request('office');
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o).toMatchObject({ status: 'requested', grade: 'C', computedGrade: 'A', actions: [] });
    expect((await request('dept')).statusCode).toBe(409); // one open request per unit
    const own = await c.office!.post(`/api/credit-overrides/${o.id}/decision`, { action: 'approve', version: o.version });
    expect(own.statusCode).toBe(403);
    expect(own.json().message).toContain('申请人不能审批');
    for (const who of ['dept', 'inspector_cx', 'viewer'])
      expect((await c[who]!.post(`/api/credit-overrides/${o.id}/decision`, { action: 'approve', version: o.version })).statusCode).toBe(
        403,
      );
    const noReason = await c.leader!.post(`/api/credit-overrides/${o.id}/decision`, { action: 'reject', version: o.version });
    expect(noReason.statusCode).toBe(400);
    expect(await gradeOf(id)).toBe('A');
    const list = (await c.leader!.get(`/api/credit-overrides?status=requested`)).json();
    expect(list.items.find((x: any) => x.id === o.id).actions).toEqual(['approve', 'reject']);
    // Approval by a second person: the grade changes at once, in the history, audited.
    const ok = await c.leader!.post(`/api/credit-overrides/${o.id}/decision`, { action: 'approve', note: '同意', version: o.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', inForce: true, decisionNote: '同意' });
    expect(await gradeOf(id)).toBe('C');
    const again = await c.admin!.post(`/api/credit-overrides/${o.id}/decision`, {
      action: 'reject',
      note: '再驳回',
      version: o.version + 1,
    });
    expect(again.statusCode).toBe(409);
    const log = await rows(
      sql`select action, before, after from audit_log where entity_type = 'credit_override' and entity_id = ${String(o.id)} order by id`,
    );
    expect(log.map((l) => l.action)).toEqual(['credit_override.request', 'credit_override.approve']);
    expect(log[1]).toMatchObject({ before: { status: 'requested' }, after: { status: 'approved', grade: 'C' } });
  });

  it('the approved override wins over the computed grade until the next rule version', async () => {
    const d = await recompute(id);
    expect(d.latest).toMatchObject({ computedGrade: 'A', grade: 'C' });
    expect(d.grade).toBe('C');
    const res = await saveRule({ ...testRule, name: '测试规则（修订）' });
    expect(res.statusCode, res.body).toBe(200);
    const after = await recompute(id);
    expect(after.latest).toMatchObject({ computedGrade: 'A', grade: 'A' });
    expect(after.overrides[0]).toMatchObject({ status: 'approved', inForce: false });
    expect(after.history[0]).toMatchObject({ from: 'C', to: 'A', source: 'computed' });
  });

  it('a rejection needs a reason and changes no grade', async () => {
    const res = await request('dept', 'D');
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    const rej = await c.office!.post(`/api/credit-overrides/${o.id}/decision`, { action: 'reject', note: '理由不足', version: o.version });
    expect(rej.statusCode, rej.body).toBe(200);
    expect(rej.json()).toMatchObject({ status: 'rejected', actions: [] });
    expect(await gradeOf(id)).toBe('A');
  });

  it('refuses an expiry date in the past', async () => {
    expect((await request('office', 'B', { expiresOn: addDays(today, -1) })).statusCode).toBe(400);
  });
});

describe('area recompute (background job), list and export', () => {
  it('grades every unit of the caller’s area and lists them by grade', async () => {
    const a = await unit('区域甲');
    const b = await unit('区域乙');
    await inspected(b, { severe: 2 });
    const res = await c.office!.post('/api/credit-runs');
    expect(res.statusCode, res.body).toBe(200);
    // A station's area is graded within the request's wait: the answer is the finished run.
    expect(res.json()).toMatchObject({ status: 'done', scope: 'area' });
    const runId = res.json().id;
    for (let i = 0; i < 100; i++) {
      const [r] = await rows(sql`select status from credit_runs where id = ${runId}`);
      if (r.status === 'done' || r.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const runs = (await c.office!.get('/api/credit-runs')).json().items;
    expect(runs[0]).toMatchObject({ id: runId, status: 'done' });
    expect(runs[0].unitCount).toBeGreaterThanOrEqual(2);
    expect(await gradeOf(a)).toBe('A');
    expect(await gradeOf(b)).toBe('D');
    const list = (await c.inspector_cx!.get('/api/credit-units?grades=D&pageSize=200')).json();
    expect(list.items.map((x: any) => x.entityId)).toContain(b);
    expect(list.items.every((x: any) => x.grade === 'D')).toBe(true);
    expect(list.counts.D).toBe(list.total);
    const xlsx = await c.inspector_cx!.get('/api/credit-units/export?grades=D');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('the planner follows the grade (根据评定结果实时调整监管频次)', () => {
  it('a unit turned D is inspected as often as the campaign sets for D', async () => {
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await unit('频次'));
    await saveRule({ ...testRule, name: '测试规则（频次）' });
    const target = ids[0]!;
    for (const id of ids) await recompute(id);
    const definition = {
      schemaVersion: 1,
      name: '信用分级频次测试',
      issuer: '兴隆台区市场监督管理局',
      period: { from: '2026-12-01', to: '2027-05-31' },
      phases: [{ key: 'all', name: '全程', from: '2026-12-01', to: '2027-05-31' }],
      quotas: [
        {
          id: 'retail-credit',
          label: '零售药店按信用等级确定检查频次',
          population: { kinds: ['pharmacy_chain', 'pharmacy_single'] },
          target: { type: 'share', min: 0.01 },
          byCreditGrade: { A: { share: 0.01 }, B: { share: 0.2 }, C: { share: 0.5 }, D: { share: 1, times: 3 } },
        },
      ],
      organisation: {
        leadingGroup: { name: '专班', leader: { name: '测试组长', title: '副局长', unit: '本局' } },
        office: { unit: '药品和医疗器械股' },
      },
      tasks: [{ no: 1, task: '检查', target: '按频次', content: '按信用等级检查', units: ['各市场监管所'] }],
      liaisons: { units: ['各市场监管所'] },
    };
    const camp = await c.office!.post('/api/campaigns', { definition });
    expect(camp.statusCode, camp.body).toBe(200);
    const visitsOf = async () => {
      const plan = await c.office!.post('/api/plans', { campaignId: camp.json().id, seed: 7 });
      expect(plan.statusCode, plan.body).toBe(200);
      const tasks = (await c.office!.get(`/api/plans/${plan.json().id}/tasks?pageSize=500&page=1`)).json().items as any[];
      return tasks.filter((x) => x.entityId === target).length;
    };
    expect(await gradeOf(target)).toBe('A');
    expect(await visitsOf()).toBeLessThanOrEqual(1);
    await inspected(target, { severe: 2 });
    expect((await recompute(target)).grade).toBe('D');
    expect(await visitsOf()).toBe(3);
  });
});

it('the default rule is what a fresh installation uses', () => {
  expect(DEFAULT_CREDIT_RULE.items.every((i) => i.note?.startsWith('推定'))).toBe(true);
});
