import { sql } from 'drizzle-orm';
import { isoTimestamp, type CalendarYearSummary } from '../../../../contracts/calendar.js';
import type { Ctx } from '../../../core/context.js';
import { yearRows } from '../queries.js';

/** The years whose arrangement is entered, with their source and how many special days each has. */
export async function listCalendarYears(ctx: Ctx): Promise<CalendarYearSummary[]> {
  const years = await yearRows(ctx.db);
  const counts = (
    (await ctx.db.execute(
      sql`select extract(year from day)::int as year, kind, count(*)::int as n from calendar_days group by 1, 2`,
    )) as any
  ).rows as { year: number; kind: string; n: number }[];
  const n = (year: number, kind: string) => Number(counts.find((c) => Number(c.year) === year && c.kind === kind)?.n ?? 0);
  return years.map((y) => ({
    year: y.year,
    source: y.source,
    version: y.version,
    holidays: n(y.year, 'holiday'),
    workdays: n(y.year, 'workday'),
    updatedBy: y.updatedBy,
    updatedAt: isoTimestamp(y.updatedAt),
  }));
}
