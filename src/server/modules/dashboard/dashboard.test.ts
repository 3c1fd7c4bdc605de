import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDefinition } from '../../../contracts/campaigns.js';
import type { Dashboard } from '../../../contracts/dashboard.js';
import { seedDemoCampaigns } from '../../demo/seed-campaigns.js';
import { seedDemoTips } from '../../demo/seed-tips.js';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';
import type { Actor } from '../../core/context.js';
import { getDashboard } from './get-dashboard.js';
import { registry } from '../index.js';

/**
 * The dashboard on the full demo data (campaigns + tips): scope of tip counts, my task items, staffing
 * of the caller's area, and report deadlines re-derived here from the demo campaign's definition.
 */
let t: TestApp;
let demo: { id: number; def: CampaignDefinition };
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCampaigns(t.database.db, t.org);
  await seedDemoTips(t.database.db, t.org);
  const office = await t.as('office');
  const list = (await office.get('/api/campaigns')).json() as { id: number; name: string }[];
  const c = list.find((x) => x.name.startsWith('【演示】'))!;
  demo = { id: c.id, def: (await office.get(`/api/campaigns/${c.id}`)).json().definition };
});
afterAll(() => t?.close());

/** The use case as a given demo user, with a fixed "today". */
async function dashboardAs(username: string, today: string): Promise<Dashboard> {
  const r = await t.database.db.execute(
    sql`select u.id, u.username, u.display_name as name, u.role, u.data_scope as scope, u.org_unit_id, u.jurisdiction_id, j.path
       from users u join jurisdictions j on j.id = u.jurisdiction_id where u.username = ${username}`,
  );
  const u = ((r as any).rows ?? r)[0];
  const actor: Actor = {
    id: u.id,
    username: u.username,
    name: u.name,
    role: u.role,
    scope: u.scope,
    orgUnitId: u.org_unit_id,
    jurisdictionId: u.jurisdiction_id,
    jurisdictionPath: u.path,
  };
  return getDashboard({ db: t.database.db, actor, ext: registry() }, { today });
}

// ---- An independent reading of the demo definition's deadline rules: walk day by day and test each date.
const DAY = 86_400_000;
const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (s: string) => Date.parse(`${s}T00:00:00Z`);
function isDue(rule: any, s: string): boolean {
  const d = new Date(ms(s));
  const month = d.getUTCMonth() + 1;
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), month, 0)).getUTCDate();
  if (rule.adHoc) return false; // “及时上报”: no due date at all
  if (rule.within && (s < rule.within.from || s > rule.within.to)) return false;
  if (rule.once) return s === rule.once;
  if (rule.every === 'month') return d.getUTCDate() === Math.min(rule.day, rule.lastDayIfShort ? lastDay : 99);
  if (rule.every === 'quarter')
    return (month - 1) % 3 === rule.monthOfQuarter - 1 && d.getUTCDate() === Math.min(rule.day, rule.lastDayIfShort ? lastDay : 99);
  if (rule.every === 'week') return (d.getUTCDay() || 7) === rule.weekday;
  if (rule.every === 'day') return !rule.workdaysOnly || (d.getUTCDay() || 7) <= 5;
  throw new Error('rule not covered by this test');
}
function datesBetween(rule: any, from: string, to: string, def: CampaignDefinition) {
  const out: string[] = [];
  const end = def.period!.reportingUntil ?? def.period!.to;
  for (let x = ms(from); x <= ms(to); x += DAY) {
    const s = toDate(x);
    if (s >= def.period!.from && s <= end && isDue(rule, s)) out.push(s);
  }
  return out;
}

describe('report deadlines of the demo campaign', () => {
  const today = '2026-12-20';
  it('lists the next due date of each obligation in the next 30 days and the ones passed in the last 30', async () => {
    const d = await dashboardAs('inspector_cx', today);
    const plus30 = toDate(ms(today) + 30 * DAY);
    const minus30 = toDate(ms(today) - 30 * DAY);
    const minus1 = toDate(ms(today) - DAY);
    const expectUpcoming = demo.def.obligations
      .map((o) => ({ key: o.key, dates: datesBetween(o.rule, today, plus30, demo.def) }))
      .filter((x) => x.dates.length)
      .map((x) => ({ obligation: x.key, date: x.dates[0], more: x.dates.length - 1 }));
    const expectOverdue = demo.def.obligations
      .map((o) => ({ key: o.key, dates: datesBetween(o.rule, minus30, minus1, demo.def) }))
      .filter((x) => x.dates.length)
      .map((x) => ({ obligation: x.key, date: x.dates.at(-1)!, more: x.dates.length - 1 }));
    const mine = (items: Dashboard['deadlines'] extends null ? never : NonNullable<Dashboard['deadlines']>['upcoming']) =>
      items
        .filter((i) => i.campaignId === demo.id)
        .map((i) => ({ obligation: i.obligation, date: i.date, more: i.more }))
        .sort((a, b) => a.date.localeCompare(b.date));
    expect(mine(d.deadlines!.upcoming)).toEqual(expectUpcoming.sort((a, b) => a.date.localeCompare(b.date)));
    expect(mine(d.deadlines!.overdue)).toEqual(expectOverdue.sort((a, b) => a.date.localeCompare(b.date)));
    // The demo plan (seed 004 moved to 2026–2027): monthly table by the 5th. Its typical case is
    // “及时上报” with no date in the plan (the quarter-end date was invented): no deadline.
    expect(expectUpcoming.map((x) => x.date).sort()).toEqual(['2027-01-05']);
    expect(expectOverdue.map((x) => x.date)).toEqual(['2026-12-05']);
    const stats = d.deadlines!.upcoming.find((i) => i.campaignId === demo.id && i.obligation === 'stats')!;
    expect(stats).toMatchObject({ days: 16, time: '23:59', at: '2027-01-05T23:59:00+08:00', relation: 'submit' });
    expect(d.deadlines!.overdue.find((i) => i.campaignId === demo.id)).toMatchObject({ obligation: 'stats', days: -15 });
  });

  it('tells the receiving department and the overseeing city from the submitting station', async () => {
    const office = await dashboardAs('office', today);
    expect(new Set(office.deadlines!.upcoming.filter((i) => i.campaignId === demo.id).map((i) => i.relation))).toEqual(
      new Set(['receive']),
    );
    const viewer = await dashboardAs('viewer', today);
    expect(new Set(viewer.deadlines!.upcoming.filter((i) => i.campaignId === demo.id).map((i) => i.relation))).toEqual(
      new Set(['oversee']),
    );
  });

  it('has nothing due before the campaign starts', async () => {
    const d = await dashboardAs('inspector_cx', '2026-01-01');
    expect(d.deadlines!.upcoming.filter((i) => i.campaignId === demo.id)).toEqual([]);
    expect(d.campaigns!.find((c) => c.id === demo.id)).toMatchObject({ state: 'upcoming', elapsedPct: 0, currentPhase: null });
  });
});

describe('campaigns, tasks and staffing', () => {
  it('shows the current phase and the share of the period elapsed', async () => {
    const today = '2026-12-20';
    const c = (await dashboardAs('office', today)).campaigns!.find((x) => x.id === demo.id)!;
    const phase = demo.def.phases.find((p) => p.from <= today && today <= p.to)!;
    expect(c.currentPhase?.name).toBe(phase.name);
    const total = (ms(demo.def.period!.to) - ms(demo.def.period!.from)) / DAY + 1;
    const elapsed = (ms(today) - ms(demo.def.period!.from)) / DAY + 1;
    expect(c.elapsedPct).toBeCloseTo((elapsed / total) * 100, 0);
    expect(c.state).toBe('running');
  });

  it('lists the tasks of my unit that are not done, overdue first', async () => {
    const today = '2026-12-20';
    const d = await dashboardAs('inspector_cx', today);
    // 创新所 is responsible for every task given to 各市场监管所; the demo marks task 1 done.
    const expected = demo.def.tasks
      .filter((x) => x.units.includes('各市场监管所') || x.units.includes('创新所'))
      .map((x) => x.no)
      .filter((n) => n !== 1);
    // The seed-000 campaign is still 'active' but its period (2022) has passed: it asks for no work.
    expect(d.tasks!.every((x) => x.campaignId === demo.id)).toBe(true);
    expect(d.campaigns!.find((x) => x.id !== demo.id)).toMatchObject({ state: 'ended', elapsedPct: 100 });
    const got = d.tasks!.filter((x) => x.campaignId === demo.id);
    expect(got.map((x) => x.no).sort((a, b) => a - b)).toEqual(expected);
    const seven = got.find((x) => x.no === 7)!;
    expect(seven).toMatchObject({ status: 'doing', overdue: demo.def.tasks.find((x) => x.no === 7)!.due! < today });
    expect(got[0].overdue).toBe(true);
    // The bureau's leader has no task rows of their own.
    expect((await dashboardAs('leader', today)).tasks).toEqual([]);
  });

  it('counts staffing of the station’s own townships and villages for station staff', async () => {
    const cx = t.org.stations['创新'];
    const s = (await dashboardAs('inspector_cx', '2026-12-20')).staffing!.find((x) => x.campaignId === demo.id)!;
    // Every demo township has a coordinator; only the first village of 创新 has an informant.
    expect(s.townships).toEqual({ total: cx.townshipIds.length, staffed: cx.townshipIds.length });
    expect(s.villages).toEqual({ total: cx.villageIds.length, staffed: 1 });
    expect(s.areaName).toBe('创新市场监督管理所');
    const all = (await dashboardAs('office', '2026-12-20')).staffing!.find((x) => x.campaignId === demo.id)!;
    const districtTownships = Object.entries(t.org.stations)
      .filter(([k]) => !['查干', '巴彦', '乌兰'].includes(k))
      .reduce((n, [, v]) => n + v.townshipIds.length, 0);
    expect(all.townships.total).toBe(districtTownships);
  });
});

describe('tips by role', () => {
  let coordinatorXl: Client;
  beforeAll(async () => {
    const admin = await t.as('admin');
    const xl = t.org.stations['兴隆'];
    const res = await admin.post('/api/people', {
      username: 'coordinator_xl',
      displayName: '测试协管员',
      role: 'coordinator',
      orgUnitId: xl.orgUnitId,
      jurisdictionId: xl.townshipIds[0],
      password: 'Xinglong2026',
    });
    expect(res.statusCode, res.body).toBe(200);
    coordinatorXl = await t.as('coordinator_xl', 'Xinglong2026');
    const tip = await coordinatorXl.post('/api/tips', {
      kind: 'hazard',
      title: '兴隆所辖区药店问题',
      place: '某街道',
      occurredOn: '2026-11-20',
    });
    expect(tip.statusCode, tip.body).toBe(200);
  });

  it('counts only the station’s own tips awaiting review for an inspector', async () => {
    const cx = await dashboardAs('inspector_cx', '2026-12-20');
    // Demo data: 2 submitted tips in 创新所 (one by the coordinator, one by the informant); 1 more now in 兴隆所.
    expect(cx.tips).toEqual({ mode: 'review', byStatus: { submitted: 2, accepted: 1, rejected: 1, forwarded: 1 } });
    const xl = await dashboardAs('inspector_xl', '2026-12-20');
    expect(xl.tips!.byStatus.submitted).toBe(1);
    const office = await dashboardAs('office', '2026-12-20');
    expect(office.tips!.byStatus.submitted).toBe(3);
  });

  it('shows a coordinator their own tips by status and no campaign sections', async () => {
    const d = await dashboardAs('coordinator', '2026-12-20');
    expect(d.tips).toEqual({ mode: 'mine', byStatus: { submitted: 1, accepted: 1, rejected: 0, forwarded: 1 } });
    expect(d).toMatchObject({ campaigns: null, deadlines: null, tasks: null, staffing: null });
    const other = (await coordinatorXl.get('/api/dashboard')).json();
    expect(other.tips).toEqual({ mode: 'mine', byStatus: { submitted: 1, accepted: 0, rejected: 0, forwarded: 0 } });
  });

  it('hides tips from roles that neither review nor report', async () => {
    expect((await dashboardAs('leader', '2026-12-20')).tips).toBeNull();
    expect((await dashboardAs('viewer', '2026-12-20')).tips).toBeNull();
  });

  it('serves every demo role over HTTP and refuses the anonymous', async () => {
    for (const u of ['admin', 'office', 'head_cx', 'inspector_cx', 'coordinator', 'informant', 'viewer']) {
      const res = await (await t.as(u)).get('/api/dashboard');
      expect(res.statusCode, `${u}: ${res.body}`).toBe(200);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/dashboard' })).statusCode).toBe(401);
  });
});
