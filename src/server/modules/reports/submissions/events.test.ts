import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/app.js';

/**
 * Event-triggered obligations (issue #16, “发现重大问题及时上报”): a report due within N hours of each
 * serious finding on a signed inspection in the submitting unit's area during the campaign; the due
 * items appear in the obligations calendar and a submission can be made against one.
 */
let t: TestApp;
let office: Client;
let cx: Client;
let campaignId: number;
const rows = async (q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as any).rows as any[];

const plan = () => ({
  schemaVersion: 1,
  name: '重大问题报告测试',
  issuer: '兴隆台区市场监督管理局',
  issuedOn: '2026-09-25',
  period: { from: '2026-10-01', to: '2027-03-31' },
  obligations: [
    {
      key: 'serious',
      label: '发现重大问题及时上报（24小时内）',
      rule: { type: 'event', event: 'serious_finding', withinHours: 24 },
      submitters: ['各市场监管所'],
      recipient: '药品和医疗器械股',
      form: { type: 'narrative', sections: [{ title: '重大问题' }] },
    },
    {
      key: 'serious-unset',
      label: '重大问题（时限方案未定）',
      rule: { type: 'event', event: 'serious_finding' },
      submitters: ['各市场监管所'],
      recipient: '药品和医疗器械股',
      form: { type: 'narrative', sections: [{ title: '重大问题' }] },
    },
    {
      key: 'cluster',
      label: '聚集性信号报告',
      rule: { type: 'event', event: 'cluster_alert', withinHours: 12 },
      submitters: ['本局'],
      recipient: '药品和医疗器械股',
      form: { type: 'narrative', sections: [{ title: '信号' }] },
    },
  ],
  organisation: { office: { unit: '药品和医疗器械股' } },
});

/** A signed inspection at a station with one finding of the given severity, signed at `at`. */
async function signed(station: string, severity: string, at: string) {
  const j = t.org.stations[station].jurisdictionId;
  const [e] = await rows(sql`insert into entities (name, kind, jurisdiction_id) values (${`${station}${severity}${at}`}, 'pharmacy_single', ${j}) returning id`);
  const [i] = await rows(sql`insert into inspections (entity_id, jurisdiction_id, date, status, signed_at)
    values (${e.id}, ${j}, ${at.slice(0, 10)}, 'done', ${at}) returning id`);
  await rows(sql`insert into inspection_findings (inspection_id, jurisdiction_id, severity, description) values (${i.id}, ${j}, ${severity}, '测试问题')`);
}

beforeAll(async () => {
  t = await createTestApp();
  [office, cx] = await Promise.all([t.as('office'), t.as('inspector_cx')]);
  const res = await office.post('/api/campaigns', { definition: plan(), status: 'active' });
  expect(res.statusCode, res.body).toBe(200);
  campaignId = res.json().id;
  // 创新所: two severe findings the same day (one report), one the next day; one before the campaign.
  await signed('创新', 'severe', '2026-11-10T10:00:00+08:00');
  await signed('创新', 'severe', '2026-11-10T15:30:00+08:00');
  await signed('创新', 'severe', '2026-11-20T23:30:00+08:00');
  await signed('创新', 'severe', '2026-09-20T10:00:00+08:00');
  // 兴隆所: only a general finding — no event.
  await signed('兴隆', 'general', '2026-11-12T09:00:00+08:00');
});
afterAll(() => t?.close());

describe('event-triggered obligations', () => {
  it('fall due N hours after each serious finding, for the station where it was found only', async () => {
    const res = await office.get(`/api/reports/campaigns/${campaignId}/calendar`);
    expect(res.statusCode, res.body).toBe(200);
    const cal = res.json();
    const entries = (name: string, key: string) =>
      cal.units.find((u: { name: string }) => u.name === name).entries.filter((e: { obligationKey: string }) => e.obligationKey === key);
    expect(entries('创新市场监督管理所', 'serious').map((e: { dueAt: string; status: string }) => [e.dueAt, e.status])).toEqual([
      ['2026-11-11T10:00:00+08:00', 'missing'],
      ['2026-11-21T23:30:00+08:00', 'missing'],
    ]);
    expect(entries('兴隆市场监督管理所', 'serious')).toEqual([]);
    // Hours unset (方案未定): no due item is invented; the legend says what is missing.
    expect(entries('创新市场监督管理所', 'serious-unset')).toEqual([]);
    expect(cal.obligations.find((o: { key: string }) => o.key === 'serious-unset')).toMatchObject({
      rule: '检查发现重大问题（严重缺陷）后及时报送（时限方案未定）',
      missing: '方案未定：时限（小时）',
    });
    expect(cal.obligations.find((o: { key: string }) => o.key === 'serious').rule).toBe('检查发现重大问题（严重缺陷）后24小时内');
  });

  it('takes a submission against an event due date, and refuses a date no event made', async () => {
    const bad = await cx.post('/api/reports/submissions', { campaignId, obligationKey: 'serious', dueDate: '2026-11-12' });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'PERIOD_OUTSIDE_CAMPAIGN' });
    const res = await cx.post('/api/reports/submissions', { campaignId, obligationKey: 'serious', dueDate: '2026-11-11' });
    expect(res.statusCode, res.body).toBe(200);
    const cal = (await cx.get(`/api/reports/campaigns/${campaignId}/calendar`)).json();
    const e = cal.units[0].entries.find((x: { obligationKey: string; dueDate: string }) => x.obligationKey === 'serious' && x.dueDate === '2026-11-11');
    expect(e).toMatchObject({ submissionId: res.json().id, submissionStatus: 'draft' });
  });
});
