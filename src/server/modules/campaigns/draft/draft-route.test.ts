import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { seedText } from './seeds.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const rows = async () =>
  Number(
    ((await t.database.db.execute(sql.raw('select (select count(*) from campaigns) + (select count(*) from audit_log) as n'))) as any)
      .rows[0].n,
  );

describe('POST /api/campaigns/draft (起草助手)', () => {
  it('returns the proposals for a pasted notice and stores nothing', async () => {
    const office = await t.as('office');
    const before = await rows();
    const res = await office.post('/api/campaigns/draft', { text: seedText('seed-002') });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.definition.period).toEqual({ from: '2018-12-22', to: '2019-02-28', reportingUntil: '2019-03-05' });
    const weekly = body.proposals.find((p: any) => p.path === 'obligations.o1');
    expect(weekly.value.rule).toEqual({ every: 'week', weekday: 4 });
    expect(weekly.source.text).toContain('每周四下班前');
    expect(body.issues.map((i: any) => i.path)).toContain('organisation');
    expect(await rows()).toBe(before);
  });

  it('refuses a 2 MB paste, an over-long text and an empty one with {code, message}, storing nothing', async () => {
    const office = await t.as('office');
    const before = await rows();
    const huge = await office.post('/api/campaigns/draft', { text: '药'.repeat(700_000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ code: expect.any(String), message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    const long = await office.post('/api/campaigns/draft', { text: '各所每周四前报送。'.repeat(25_000) });
    expect(long.statusCode).toBe(413);
    expect(long.json()).toMatchObject({ code: 'TEXT_TOO_LONG', message: expect.stringContaining('200000') });
    const empty = await office.post('/api/campaigns/draft', { text: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('TEXT_EMPTY');
    expect((await office.post('/api/campaigns/draft', {})).statusCode).toBe(400);
    expect(await rows()).toBe(before);
  });

  it('is for those who may make campaigns', async () => {
    const viewer = await t.as('viewer');
    expect((await viewer.post('/api/campaigns/draft', { text: '每周四前报送' })).statusCode).toBe(403);
  });
});
