import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { shanghaiToday } from '../contracts/calendar.js';
import { forgetCalendar } from '../server/modules/calendar/public.js';

/**
 * The holiday calendar reaches as far as the `chinese-days` package's data (to 2026 in 1.5.7). A
 * record made today whose deadline counts working days into a year the package lacks is refused
 * until an administrator enters that year (`CALENDAR_YEAR_MISSING`), by design. Tests run on any
 * date (from December on, 20 working days from today reach into next year), so the harness enters
 * the years after the last one stored, up to next year, as an administrator would (source `admin`).
 * Their content is a test fixture, not the State Council's schedule: weekends and 元旦 only. Tests of
 * the calendar itself ask for the package's years alone.
 */
export async function enterTestCalendarYears(db: Db): Promise<number[]> {
  const res = await db.execute(sql`select coalesce(max(year), 0)::int as last from calendar_years`);
  const last = Number((res as unknown as { rows: { last: number }[] }).rows[0].last);
  const until = Number(shanghaiToday().slice(0, 4)) + 1;
  if (!last) throw new Error('enterTestCalendarYears: the calendar is not seeded yet (call it after the app is ready)');
  const years: number[] = [];
  for (let y = last + 1; y <= until; y++) {
    await db.execute(sql`insert into calendar_days (day, kind, name) values (${`${y}-01-01`}, 'holiday', '元旦') on conflict do nothing`);
    await db.execute(sql`insert into calendar_years (year, source) values (${y}, 'admin') on conflict do nothing`);
    years.push(y);
  }
  if (years.length) forgetCalendar(db);
  return years;
}
