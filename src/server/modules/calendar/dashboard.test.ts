import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { systemActor } from '../../core/context.js';
import { registry } from '../index.js';
import { calendarDashboardSection } from './dashboard.js';

/** The 工作台 asks the calendar's keeper for a year not entered yet (the bundled package ends with 2026). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ packageCalendarOnly: true });
});
afterAll(() => t?.close());

const load = (role: 'admin' | 'inspector', today: string) =>
  calendarDashboardSection.load({ db: t.database.db, actor: { ...systemActor(), role }, ext: registry() } as never, today);

it('names next year from October when it is missing, this year always, and nothing to those who do not keep it', async () => {
  expect(await load('admin', '2026-06-01')).toEqual({ calendarMissingYears: [] });
  expect(await load('admin', '2026-12-02')).toEqual({ calendarMissingYears: [2027] });
  expect(await load('admin', '2027-03-01')).toEqual({ calendarMissingYears: [2027] });
  expect(await load('inspector', '2026-12-02')).toEqual({});
});
