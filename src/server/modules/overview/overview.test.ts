import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentView, OverviewView } from '../../../contracts/overview.js';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';
import { pointOf, type ModuleDefinition } from '../../core/extensions.js';
import { rebuildSummaries } from '../../core/measure-summaries.js';
import type { CampaignInspectionProgress, Progress } from '../campaigns/public.js';
import { DEFAULT_ASSESSMENT_RULE } from './rules.js';

/**
 * 工作概览 and 考核 on a small hand-made record set in 兴隆台区 (创新所, 兴隆所) and 查干旗 (another
 * county, never counted for the district's people): every figure of the overview, the assessment
 * scores against hand-computed values, scope, rule edits (reason, audit, version), bad input.
 */
let t: TestApp;
const c: Record<string, Client> = {};
const rows = async (q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as any).rows as any[];
let ids: { cx: number; xl: number; cg: number; c1: number; c2: number };

/** The campaign's live progress as planning would give it (planning has no plan for these campaigns). */
const progress: ModuleDefinition = {
  name: 'progress-stand-in',
  routes: async () => {},
  contributes: {
    campaignProgress: [
      {
        key: 'test-progress',
        async progress(_ctx, campaignId): Promise<CampaignInspectionProgress | null> {
          if (campaignId !== ids.c1) return null;
          const m = (o: Record<string, Progress>) => new Map(Object.entries(o));
          return {
            planId: 1,
            planName: '测试检查计划',
            planStatus: 'published',
            total: { done: 0, required: 0 },
            byStation: new Map([
              // q1.a is a child rule: counted inside q1, never added again.
              [ids.cx, m({ q1: { done: 3, required: 4 }, q2: { done: 1, required: 2 }, 'q1.a': { done: 5, required: 5 } })],
              [ids.xl, m({ q1: { done: 1, required: 4 } })],
              [ids.cg, m({ q1: { done: 9, required: 9 } })],
            ]),
          };
        },
      },
    ],
  },
};

async function entity(name: string, jurisdictionId: number): Promise<number> {
  const [e] = await rows(
    sql`insert into entities (name, kind, jurisdiction_id) values (${name}, 'pharmacy_single', ${jurisdictionId}) returning id`,
  );
  return e.id;
}
async function inspection(entityId: number, date: string, findings: (string | null)[] = [], status = 'done') {
  const [i] = await rows(sql`insert into inspections (entity_id, jurisdiction_id, date, status, kind)
    select id, jurisdiction_id, ${date}::date, ${status}, 'special' from entities where id = ${entityId} returning id, jurisdiction_id`);
  for (const type of findings)
    await rows(sql`insert into inspection_findings (inspection_id, jurisdiction_id, severity, violation_type, description)
      values (${i.id}, ${i.jurisdiction_id}, 'general', ${type}, '测试问题')`);
}
async function lawCase(entityId: number, o: { filed: string; decided?: string; fine?: number; income?: number; typicalOn?: string }) {
  await rows(sql`insert into cases (jurisdiction_id, org_unit_id, entity_id, procedure, status, violation_type, violation_label, facts,
      violation_date, discovered_on, filed_on, decided_on, penalty, fine, typical, typical_on)
    select e.jurisdiction_id, u.id, e.id, 'ordinary', ${o.decided ? 'decided' : 'investigating'}, 'gsp', '未遵守药品经营质量管理规范', '测试案情',
      ${o.filed}::date, ${o.filed}::date, ${o.filed}::date, ${o.decided ?? null}::date,
      ${o.decided ? JSON.stringify({ fine: o.fine ?? 0, confiscatedIncome: o.income ?? 0 }) : null}::jsonb, ${o.fine ?? null},
      ${o.typicalOn ? JSON.stringify({ title: '典型' }) : null}::jsonb, ${o.typicalOn ?? null}::date
    from entities e join org_units u on u.jurisdiction_id = e.jurisdiction_id and u.kind = 'station' where e.id = ${entityId}`);
}
async function campaign(name: string, jurisdictionId: number): Promise<number> {
  const definition = {
    name,
    period: { from: '2026-01-01', to: '2026-12-31' },
    quotas: [{ id: 'q1' }, { id: 'q2' }],
    obligations: [],
    tables: [],
  };
  const [k] = await rows(sql`insert into campaigns (jurisdiction_id, name, status, period_from, period_to)
    values (${jurisdictionId}, ${name}, 'active', '2026-01-01', '2026-12-31') returning id`);
  await rows(sql`insert into campaign_versions (campaign_id, jurisdiction_id, version, definition, author_name)
    values (${k.id}, ${jurisdictionId}, 1, ${JSON.stringify(definition)}::jsonb, '测试')`);
  return k.id;
}

beforeAll(async () => {
  t = await createTestApp({ modules: [progress] });
  const s = t.org.stations;
  ids = { cx: s['创新'].jurisdictionId, xl: s['兴隆'].jurisdictionId, cg: s['查干'].jurisdictionId, c1: 0, c2: 0 };
  ids.c1 = await campaign('兴隆台区测试专项行动', t.org.districtId);
  ids.c2 = await campaign('查干旗测试专项行动', t.org.bannerId);
  const cx = await entity('创新测试药店', ids.cx);
  const xl = await entity('兴隆测试药店', ids.xl);
  const cg = await entity('查干测试药店', ids.cg);
  await inspection(cx, '2026-03-10', ['gsp', 'gsp', 'records']);
  await inspection(cx, '2026-03-20', [null]);
  await inspection(cx, '2026-05-01');
  await inspection(cx, '2026-05-02', ['gsp'], 'planned'); // not done: never counted
  await inspection(cx, '2025-12-15', ['gsp']); // before the period: only in the monthly series
  await inspection(xl, '2026-04-02', ['gsp']);
  await inspection(cg, '2026-03-05', ['gsp', 'gsp', 'gsp']);
  await inspection(cg, '2026-03-06');
  await lawCase(cx, { filed: '2026-03-15', decided: '2026-04-10', fine: 5000, income: 1000, typicalOn: '2026-04-20' });
  await lawCase(cx, { filed: '2026-05-05' });
  await lawCase(xl, { filed: '2026-06-01', decided: '2026-06-20', fine: 2000 });
  await lawCase(cg, { filed: '2026-03-01', decided: '2026-03-10', fine: 99999, typicalOn: '2026-03-11' });
  // The rows above were written directly, not through the use cases: bring the report summaries up to date.
  await rebuildSummaries(t.database.db, pointOf(t.app.ext, 'measureSummaries'));
  for (const u of ['leader', 'office', 'dept', 'head_cx', 'inspector_cx', 'viewer', 'admin']) c[u] = await t.as(u);
});
afterAll(() => t?.close());

const H1 = 'from=2026-01-01&to=2026-06-30';

describe('GET /api/overview', () => {
  it('gives the district leader every figure of the district, none of 查干旗', async () => {
    const res = await c.leader.get(`/api/overview?campaignId=${ids.c1}&${H1}`);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as OverviewView;
    expect(v.area.name).toBe('兴隆台区');
    expect(v.period).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(v.campaign).toMatchObject({ id: ids.c1, planName: '测试检查计划', progress: { done: 5, required: 10 } });
    expect(v.units).toHaveLength(11);
    const by = Object.fromEntries(v.units.map((u) => [u.jurisdictionId, u]));
    expect(by[ids.cx]).toMatchObject({ inspections: 3, findings: 4, cases: 2, coverage: { done: 4, required: 6 } });
    expect(by[ids.xl]).toMatchObject({ inspections: 1, findings: 1, cases: 1, coverage: { done: 1, required: 4 } });
    expect(by[ids.cg]).toBeUndefined();
    const others = v.units.filter((u) => u.jurisdictionId !== ids.cx && u.jurisdictionId !== ids.xl);
    expect(others.every((u) => u.inspections === 0 && u.findings === 0 && u.cases === 0 && u.coverage === null)).toBe(true);
    expect(v.findingsByType).toEqual([
      { key: 'gsp', label: '未遵守药品经营质量管理规范', count: 3 },
      { key: 'records', label: '购销记录不全、未正确说明用法用量或未按规定调配处方', count: 1 },
      { key: null, label: '未归类', count: 1 },
    ]);
    expect(v.months.map((m) => m.month)).toEqual([
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    const month = Object.fromEntries(v.months.map((m) => [m.month, m]));
    expect(month['2025-12']).toEqual({ month: '2025-12', visits: 1, casesFiled: 0, fines: 0 });
    expect(month['2026-03']).toEqual({ month: '2026-03', visits: 2, casesFiled: 1, fines: 0 });
    expect(month['2026-04']).toEqual({ month: '2026-04', visits: 1, casesFiled: 0, fines: 6000 });
    expect(month['2026-05']).toEqual({ month: '2026-05', visits: 1, casesFiled: 1, fines: 0 });
    expect(month['2026-06']).toEqual({ month: '2026-06', visits: 0, casesFiled: 1, fines: 2000 });
    expect(v.definitions.map((d) => d.key)).toEqual(['inspections.visits', 'cases.filed', 'cases.fines']);
  });

  it('narrows a period and defaults to the campaign period up to today', async () => {
    const v = (await c.leader.get(`/api/overview?campaignId=${ids.c1}&from=2026-04-01&to=2026-04-30`)).json() as OverviewView;
    const cx = v.units.find((u) => u.jurisdictionId === ids.cx)!;
    expect(cx).toMatchObject({ inspections: 0, findings: 0, cases: 0 });
    expect(v.units.find((u) => u.jurisdictionId === ids.xl)).toMatchObject({ inspections: 1, findings: 1 });
    const d = (await c.leader.get(`/api/overview?campaignId=${ids.c1}`)).json() as OverviewView;
    expect(d.period.from).toBe('2026-01-01');
    expect(d.period.to <= '2026-12-31').toBe(true);
  });

  it('shows a station head only their station', async () => {
    const v = (await c.head_cx.get(`/api/overview?campaignId=${ids.c1}&${H1}`)).json() as OverviewView;
    expect(v.units.map((u) => u.jurisdictionId)).toEqual([ids.cx]);
    expect(v.units[0]).toMatchObject({ inspections: 3, findings: 4, cases: 2, coverage: { done: 4, required: 6 } });
    expect(v.campaign?.progress).toEqual({ done: 4, required: 6 });
    expect(v.findingsByType.reduce((s, f) => s + f.count, 0)).toBe(4);
    expect(v.months.find((m) => m.month === '2026-06')).toMatchObject({ casesFiled: 0, fines: 0 });
    expect(v.months.find((m) => m.month === '2026-04')).toMatchObject({ visits: 0, fines: 6000 });
  });

  it('works without a campaign (the last 12 months)', async () => {
    const v = (await c.dept.get('/api/overview?to=2026-06-30')).json() as OverviewView;
    expect(v.campaign).toBeNull();
    expect(v.period).toEqual({ from: '2025-07-01', to: '2026-06-30' });
    expect(v.units.find((u) => u.jurisdictionId === ids.cx)).toMatchObject({ inspections: 4, findings: 5, coverage: null });
  });

  it('refuses bad input with {code, message}', async () => {
    const cases: [string, number, string][] = [
      [`/api/overview?campaignId=999999`, 404, 'NOT_FOUND'],
      [`/api/overview?campaignId=${ids.c2}`, 404, 'NOT_FOUND'], // another county's campaign
      [`/api/overview?campaignId=${ids.c1}&from=2025-12-01&to=2026-02-01`, 400, 'PERIOD_OUTSIDE_CAMPAIGN'],
      [`/api/overview?campaignId=${ids.c1}&to=2027-01-01`, 400, 'PERIOD_OUTSIDE_CAMPAIGN'],
      [`/api/overview?from=2026-05-01&to=2026-04-01`, 400, ''],
      [`/api/overview?from=2026-02-30`, 400, ''],
      [`/api/overview?campaignId=abc`, 400, ''],
    ];
    for (const [url, status, code] of cases) {
      const res = await c.leader.get(url);
      expect(res.statusCode, url).toBe(status);
      const body = res.json();
      expect(typeof body.code, url).toBe('string');
      expect(body.message, url).toMatch(/[\u4e00-\u9fa5]/);
      if (code) expect(body.code, url).toBe(code);
    }
  });

  it('is for leaders, the office, departments and station heads only', async () => {
    expect((await c.inspector_cx.get('/api/overview')).statusCode).toBe(403);
    expect((await c.viewer.get('/api/overview')).statusCode).toBe(403);
    expect((await c.office.get('/api/overview')).statusCode).toBe(200);
  });
});

describe('考核', () => {
  it('scores each station by the default rule, with 暂无数据 for timeliness', async () => {
    const res = await c.leader.get(`/api/assessment?campaignId=${ids.c1}&${H1}`);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as AssessmentView;
    expect(v.rule).toMatchObject({ version: 0, inferred: true });
    // 报送及时率 comes from the reports module; this campaign has no report due, so every unit has 暂无数据 for it.
    expect(v.maxScore).toBe(100);
    expect(v.indicators.find((i) => i.key === 'reports.timeliness')).toMatchObject({ available: true, weight: 20 });
    expect(v.units).toHaveLength(11);
    const [first, second, third] = v.units;
    // 创新: coverage 4/6 × 40 = 26.67; cases 2 of best 2 × 20 = 20; typical 1 in 2 quarters × 20 = 10.
    expect(first).toMatchObject({ jurisdictionId: ids.cx, rank: 1, score: 56.67 });
    const line = (u: AssessmentView['units'][number], k: string) => u.lines.find((l) => l.indicator === k)!;
    expect(line(first, 'planning.coverage')).toMatchObject({ raw: 0.666667, normalised: 0.666667, weight: 40, points: 26.67 });
    expect(line(first, 'cases.filed')).toMatchObject({ raw: 2, normalised: 1, points: 20 });
    expect(line(first, 'cases.typical')).toMatchObject({ raw: 1, normalised: 0.5, points: 10 });
    expect(line(first, 'reports.timeliness')).toMatchObject({ label: '报送及时率', raw: null, normalised: null, points: null });
    // 兴隆: coverage 1/4 × 40 = 10; cases 1/2 × 20 = 10; typical 0.
    expect(second).toMatchObject({ jurisdictionId: ids.xl, rank: 2, score: 20 });
    expect(line(second, 'cases.typical')).toMatchObject({ raw: 0, points: 0 });
    // The rest: no coverage to measure (暂无数据), no cases: 0 points, sharing rank 3.
    expect(third).toMatchObject({ rank: 3, score: 0 });
    expect(line(third, 'planning.coverage')).toMatchObject({ raw: null, points: null });
    expect(v.units.every((u) => u.jurisdictionId !== ids.cg)).toBe(true);
  });

  it('scores a station head’s own station only', async () => {
    const v = (await c.head_cx.get(`/api/assessment?campaignId=${ids.c1}&${H1}`)).json() as AssessmentView;
    expect(v.units.map((u) => [u.jurisdictionId, u.score])).toEqual([[ids.cx, 56.67]]);
  });

  it('refuses an unknown campaign, another county’s, a missing one and a period outside', async () => {
    for (const [url, status] of [
      ['/api/assessment?campaignId=999999', 404],
      [`/api/assessment?campaignId=${ids.c2}`, 404],
      ['/api/assessment', 400],
      [`/api/assessment?campaignId=${ids.c1}&from=2025-06-01`, 400],
    ] as const) {
      const res = await c.leader.get(url);
      expect(res.statusCode, url).toBe(status);
      expect(res.json().message, url).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe('PUT /api/assessment-rule', () => {
  const count = async (table: string) => Number((await rows(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n);
  const rule = (weights: Record<string, number>) => ({
    name: '本局考核细则',
    items: Object.entries(weights).map(([indicator, weight]) => ({ indicator, weight })),
  });

  it('refuses bad rules with {code, message} and stores nothing', async () => {
    const before = { rules: await count('assessment_rules'), audit: await count('audit_log') };
    const bad: [Client, unknown, number, string | RegExp][] = [
      [c.office, { definition: rule({ 'planning.coverage': 50, 'cases.filed': 40 }), reason: '调整', version: 0 }, 400, /权重之和须为100/],
      [c.office, { definition: rule({ 'planning.coverage': 50, 'cases.filed': 50 }), version: 0 }, 400, /理由/],
      [c.office, { definition: rule({ 'planning.coverage': 50, 'cases.filed': 50 }), reason: '   ', version: 0 }, 400, /理由/],
      [
        c.office,
        { definition: rule({ 'planning.coverage': 50, 'foo.bar': 50 }), reason: '调整', version: 0 },
        400,
        '考核指标不存在：foo.bar',
      ],
      [c.office, { definition: rule({ 'planning.coverage': 50, 'cases.filed': 50 }), reason: '调整' }, 400, /版本号/],
      [c.office, { definition: rule({ 'planning.coverage': 150 }), reason: '调整', version: 0 }, 400, /权重/],
      [c.dept, { definition: rule({ 'planning.coverage': 50, 'cases.filed': 50 }), reason: '调整', version: 0 }, 403, /权限/],
      [c.leader, { definition: rule({ 'planning.coverage': 50, 'cases.filed': 50 }), reason: '调整', version: 0 }, 403, /权限/],
    ];
    for (const [client, payload, status, message] of bad) {
      const res = await client.put('/api/assessment-rule', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(typeof res.json().code).toBe('string');
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
      expect(res.json().message + JSON.stringify(res.json().details ?? '')).toMatch(message);
    }
    expect({ rules: await count('assessment_rules'), audit: await count('audit_log') }).toEqual(before);
  });

  it('saves a new version with its reason, audited, and the scores follow it', async () => {
    const view = (await c.office.get('/api/assessment-rule')).json();
    expect(view).toMatchObject({ version: 0, actions: ['edit'], definition: { inferred: true } });
    expect(view.indicators.map((i: { key: string }) => i.key).sort()).toEqual(
      ['cases.filed', 'cases.typical', 'planning.coverage', 'reports.timeliness'].sort(),
    );
    expect((await c.leader.get('/api/assessment-rule')).json().actions).toEqual([]);
    expect(DEFAULT_ASSESSMENT_RULE.items.reduce((s, i) => s + i.weight, 0)).toBe(100);

    const res = await c.office.put('/api/assessment-rule', {
      definition: rule({ 'planning.coverage': 50, 'cases.filed': 50 }),
      reason: '按本局年度考核细则调整',
      version: 0,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 1, reason: '按本局年度考核细则调整', definition: { inferred: false } });
    const [a] = await rows(sql`select action, entity_type, entity_id, summary, before, after from audit_log
      where action = 'assessment_rule.save' order by id desc limit 1`);
    expect(a).toMatchObject({ entity_type: 'assessment_rule', entity_id: '1', summary: '考核规则第1版：按本局年度考核细则调整' });
    expect(a.before.version).toBe(0);
    expect(a.after.items).toHaveLength(2);
    // The same version again: someone saved since.
    const stale = await c.office.put('/api/assessment-rule', {
      definition: rule({ 'planning.coverage': 60, 'cases.filed': 40 }),
      reason: '再改',
      version: 0,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');
    expect(await count('assessment_rules')).toBe(1);

    const v = (await c.leader.get(`/api/assessment?campaignId=${ids.c1}&${H1}`)).json() as AssessmentView;
    expect(v.rule.version).toBe(1);
    expect(v.maxScore).toBe(100);
    // 创新: 4/6 × 50 + 2/2 × 50 = 83.33; 兴隆: 1/4 × 50 + 1/2 × 50 = 37.5.
    expect(v.units.slice(0, 2).map((u) => [u.jurisdictionId, u.score])).toEqual([
      [ids.cx, 83.33],
      [ids.xl, 37.5],
    ]);
  });
});
