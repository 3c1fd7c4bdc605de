import { afterAll, beforeAll, expect, it } from 'vitest';
import { shanghaiToday } from '../../contracts/calendar.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { seedDemoAdr } from './seed-adr.js';
import { seedDemoEntities } from './seed-entities.js';

/** The ADR demo: what a new user of 兴隆台区 sees on the three tabs. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoEntities(t.database.db, t.org);
  await seedDemoAdr(t.database.db, t.org);
}, 180_000);
afterAll(() => t?.close());

it('holds about 300 reports of 兴隆台区, late ones flagged, the demo population and the batch cluster as a new alert', async () => {
  const office = await t.as('office');
  const list = (await office.get('/api/adr-reports?pageSize=1')).json();
  expect(list.total).toBe(305);
  expect((await office.get('/api/adr-reports?pageSize=1&late=true')).json().total).toBeGreaterThan(5);
  const year = Number(shanghaiToday().slice(0, 4));
  const row = (await office.get(`/api/adr-targets?year=${year}`)).json().rows.find((r: any) => r.countyId === t.org.districtId);
  expect(row).toMatchObject({ population: 380000, populationDemo: true });
  expect(row.medicalSharePct).toBeGreaterThan(60);
  expect(row.silentInstitutions.length).toBeGreaterThan(0);
  const alerts = (await office.get('/api/adr-alerts?status=new&pageSize=100')).json().items;
  expect(alerts.some((a: any) => a.keyLabel === '注射用头孢曲松钠（批号 DEMO2611）' && a.reportCount === 5)).toBe(true);
});
