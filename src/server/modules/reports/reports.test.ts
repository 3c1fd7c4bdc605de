import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';

let t: TestApp;
let office: Client;
let viewer: Client;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  viewer = await t.as('viewer');
});
afterAll(() => t.close());

describe('statistical tables', () => {
  it('serves the measure catalogue with definitions', async () => {
    const res = await viewer.get('/api/reports/measures');
    expect(res.statusCode).toBe(200);
    const list = res.json() as { key: string; implemented: boolean; definition: string }[];
    const units = list.find((m) => m.key === 'inspections.units')!;
    expect(units.implemented).toBe(true);
    expect(units.definition).toContain('已完成');
  });

  it('computes a table of a campaign for the caller, refuses unknown tables', async () => {
    const id = (await office.post('/api/campaigns', { template: 'seed-000', status: 'active' })).json().id as number;
    const ok = await office.get(`/api/reports/campaigns/${id}/tables/weekly-clues?date=2022-04-06`);
    expect(ok.statusCode).toBe(200);
    const table = ok.json();
    expect(table.cumulative).toBe(true);
    expect(table.period).toMatchObject({ from: '2022-03-28', to: '2022-04-10' });
    expect(table.rows.map((r: { key: string }) => r.key)).toEqual(['drug', 'device', 'cosmetics']);
    expect((await office.get(`/api/reports/campaigns/${id}/tables/nope`)).statusCode).toBe(404);
  });
});
