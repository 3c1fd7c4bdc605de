import { sql } from 'drizzle-orm';
import PizZip from 'pizzip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, shanghaiToday } from '../../contracts/calendar.js';
import { penaltyIssues, type CaseListItem, type CaseView, type Penalty } from '../../contracts/cases.js';
import { createTestApp, type Client, type TestApp } from '../../test/app.js';
import { seedDemoCases } from './seed-cases.js';
import { seedDemoDocuments } from './seed-documents.js';
import { seedDemoEntities } from './seed-entities.js';

/** The demo cases: states a new user sees, consistent with what the module itself would have written. */
let t: TestApp;
let head: Client, leader: Client, xl: Client;
let seconds = 0;
const today = shanghaiToday();
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoEntities(t.database.db, t.org);
  await seedDemoDocuments(t.database.db, t.org);
  const start = performance.now();
  await seedDemoCases(t.database.db, t.org);
  seconds = (performance.now() - start) / 1000;
  [head, leader, xl] = await Promise.all(['head_cx', 'leader', 'inspector_xl'].map((u) => t.as(u)));
}, 180_000);
afterAll(() => t?.close());

const ok = async (res: { statusCode: number; body: string; json(): any }) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

it('loads quickly: cases in each state at 创新所, an overdue one and a 简易程序 warning at 兴隆所', async () => {
  console.log(`seedDemoCases: ${seconds.toFixed(2)} s`);
  expect(seconds).toBeLessThan(10);
  const cx: { items: CaseListItem[] } = await ok(await head.get('/api/cases'));
  expect(cx.items.map((c) => c.status).sort()).toEqual(['closed', 'decided', 'decided', 'investigating', 'proposed']);
  expect(cx.items.find((c) => c.status === 'proposed')!.caseNo).toBeNull();
  const xlList: { items: CaseListItem[] } = await ok(await xl.get('/api/cases'));
  expect(xlList.items.map((c) => `${c.procedure}:${c.status}`).sort()).toEqual(['ordinary:investigating', 'simple:executed']);
  expect(xlList.items.find((c) => c.procedure === 'ordinary')!.decisionDue!.overdue).toBe(true);
  const overdue = await ok(await leader.get('/api/cases/overdue'));
  expect(overdue).toEqual([expect.objectContaining({ jurisdictionId: t.org.stations['兴隆'].jurisdictionId, decisionOverdue: 1 })]);
  const all: { items: CaseListItem[] } = await ok(await leader.get('/api/cases'));
  const numbers = all.items.map((c) => c.caseNo).filter(Boolean);
  expect(new Set(numbers).size).toBe(6);
});

it('every case reads, its penalty lies within the article’s range, and its documents render', async () => {
  const all: { items: CaseListItem[] } = await ok(await leader.get('/api/cases'));
  for (const item of all.items) {
    const c: CaseView = await ok(await leader.get(`/api/cases/${item.id}`));
    if (c.penalty) {
      expect(penaltyIssues(c.penalty as Penalty, { goodsValue: c.goodsValue, procedure: c.procedure }), c.entityName).toEqual([]);
      expect(c.decisionNo).toMatch(/^兴市监罚〔\d{4}〕\d+号$/);
      expect(c.publicationDue!.date > c.decidedOn!).toBe(true);
      expect((await leader.get(`/api/cases/${c.id}/documents/decision`)).statusCode).toBe(200);
    }
    expect((await leader.get(`/api/cases/${c.id}/documents/filing`)).statusCode).toBe(200);
  }
  const referred = all.items.find((c) => c.referred)!;
  const r: CaseView = await ok(await leader.get(`/api/cases/${referred.id}`));
  expect(r.referral).toMatchObject({ status: 'sent', policeUnit: '兴隆台公安分局' });
  expect(r.supervision?.levelLabel).toBe('市局');
  expect(r.seriousList).not.toBeNull();
  expect((await leader.get(`/api/cases/${r.id}/documents/referral`)).statusCode).toBe(200);
  const closed = all.items.find((c) => c.status === 'closed')!;
  const doc = await leader.get(`/api/cases/${closed.id}/documents/typical`);
  const text = new PizZip(doc.rawPayload)
    .file('word/document.xml')!
    .asText()
    .replace(/<[^>]+>/g, '');
  expect(text).toContain('某化妆品店经营超过使用期限化妆品案');
  expect(text).toContain(closed.entityName);
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const targets = await ok(await leader.get(`/api/cases/typical-targets?year=${today.slice(0, 4)}&quarter=${quarter}`));
  expect(targets.find((x: any) => x.jurisdictionId === t.org.stations['创新'].jurisdictionId)).toMatchObject({ count: 1, met: true });
});

it('the report → clue → case chain is linked both ways, and a case filed afterwards takes the next number', async () => {
  const investigating: { items: CaseListItem[] } = await ok(await head.get('/api/cases?status=investigating'));
  const c: CaseView = await ok(await head.get(`/api/cases/${investigating.items[0]!.id}`));
  expect(c.source).toMatchObject({ type: 'clue' });
  const clue = await ok(await head.get(`/api/clues/${c.source!.id}`));
  expect(clue).toMatchObject({ status: 'filed', caseId: c.id, caseNo: c.caseNo });
  const rows = ((await t.database.db.execute(sql`select status, clue_id from complaints where clue_id = ${clue.id}`)) as any).rows;
  expect(rows).toHaveLength(1);
  const timeline = await ok(await head.get(`/api/entities/${c.entityId}/timeline`));
  expect(((timeline.items ?? timeline) as any[]).some((x) => x.source === 'cases' && x.title.includes(c.caseNo!))).toBe(true);
  // The bureau's counter continues after the demo's numbers (simple procedure: numbered at once).
  const before = new Set(
    ((await ok(await leader.get('/api/cases?pageSize=200'))).items as CaseListItem[]).map((x) => x.caseNo).filter(Boolean),
  );
  const fresh: CaseView = await ok(
    await head.post('/api/cases', {
      entityId: c.entityId,
      procedure: 'simple',
      violationType: 'records',
      facts: '未按规定调配处方',
      violationDate: addDays(today, -1),
    }),
  );
  expect(fresh.caseNo).toMatch(/^兴市监立〔\d{4}〕\d+号$/);
  expect(before.has(fresh.caseNo)).toBe(false);
});
