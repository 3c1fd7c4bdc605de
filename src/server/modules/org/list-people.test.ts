import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';

/** Listing people: scope by jurisdiction subtree, filters, and stable paging (page picked before the join). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

it('shows a station inspector only the people of the station’s area, paged consistently', async () => {
  const c = await t.as('inspector_cx');
  const cx = t.org.stations['创新'];
  const area = new Set([cx.jurisdictionId, ...cx.townshipIds, ...cx.villageIds]);
  const all = (await c.get('/api/people?pageSize=500')).json();
  expect(all.total).toBe(all.items.length);
  expect(all.items.length).toBeGreaterThan(3);
  for (const p of all.items) expect(area.has(p.jurisdictionId)).toBe(true);
  expect(all.items.map((p: any) => p.username)).toEqual(expect.arrayContaining(['inspector_cx', 'head_cx', 'coordinator', 'informant']));
  const page2 = (await c.get('/api/people?page=2&pageSize=3')).json();
  expect(page2.total).toBe(all.total);
  expect(page2.items.map((p: any) => p.id)).toEqual(all.items.slice(3, 6).map((p: any) => p.id));
  expect(page2.items[0]).toMatchObject({ orgUnitName: expect.any(String), jurisdictionName: expect.any(String) });
});

it('filters by a jurisdiction subtree and by name for a district-wide actor', async () => {
  const office = await t.as('office');
  const xl = t.org.stations['兴隆'];
  const res = (await office.get(`/api/people?jurisdictionId=${xl.jurisdictionId}&pageSize=500`)).json();
  const area = new Set([xl.jurisdictionId, ...xl.townshipIds, ...xl.villageIds]);
  expect(res.items.length).toBeGreaterThan(0);
  for (const p of res.items) expect(area.has(p.jurisdictionId)).toBe(true);
  const named = (await office.get('/api/people?q=inspector_x&pageSize=500')).json();
  expect(named.items.map((p: any) => p.username)).toEqual(['inspector_xl']);
  // The banner (查干旗) is outside 兴隆台区: its people are not listed for the district office.
  const banner = (await office.get(`/api/people?jurisdictionId=${t.org.bannerId}`)).json();
  expect(banner.total).toBe(0);
});
