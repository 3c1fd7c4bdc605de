import { sql } from 'drizzle-orm';
import { calendarYearIssues, type CalendarYear, type ReplaceCalendarYearInput } from '../../../../contracts/calendar.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { assertVersion, staleVersion } from '../../../core/versions.js';
import { lockCalendar } from '../lock.js';
import { readYear, writeDays } from '../queries.js';
import { forgetCalendar } from '../store.js';

/**
 * An administrator enters or corrects a year's holidays and make-up working days (节假日日历): the
 * year's special days are replaced as a whole, the year is marked source 'admin' (the package seed
 * never overwrites it again), from the version read (0: the year was not entered yet).
 */
export async function replaceCalendarYear(ctx: Ctx, year: number, input: ReplaceCalendarYearInput): Promise<CalendarYear> {
  const issues = calendarYearIssues(year, input);
  if (issues.length)
    throw invalid(
      issues[0].message,
      issues.map((i) => ({ path: `body/${i.path.join('/')}`, message: i.message })),
    );
  const days = [
    ...input.holidays.map((d) => ({ date: d.date, kind: 'holiday' as const, name: d.name || null })),
    ...input.workdays.map((d) => ({ date: d.date, kind: 'workday' as const, name: d.name || null })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const result = await ctx.db.transaction(async (tx) => {
    await lockCalendar(tx);
    const current = () => readYear(tx, year);
    const before = await current();
    await assertVersion(before.version, input.version, current);
    const by = ctx.actor.id || null;
    // The version decides in the statement itself: a first entry (version 0) inserts only when no row
    // exists; an edit updates only the version it read.
    const changed = (
      (await tx.execute(
        input.version === 0
          ? sql`insert into calendar_years (year, source, version, updated_by, updated_at) values (${year}, 'admin', 1, ${by}, now()) on conflict (year) do nothing returning year`
          : sql`update calendar_years set source = 'admin', version = version + 1, updated_by = ${by}, updated_at = now() where year = ${year} and version = ${input.version} returning year`,
      )) as any
    ).rows as unknown[];
    if (!changed.length) throw staleVersion(await current());
    await writeDays(tx, year, days);
    const after = await readYear(tx, year);
    const count = (y: CalendarYear) => `${y.holidays.length}天节假日、${y.workdays.length}天调休上班`;
    await audit(tx, ctx, {
      action: before.source ? 'calendar.update' : 'calendar.create',
      entityType: 'calendar_year',
      entityId: year,
      summary: before.source
        ? `修改${year}年节假日日历（${count(before)} → ${count(after)}）`
        : `录入${year}年节假日日历（${count(after)}）`,
      before: before.source ? before : null,
      after,
    });
    return after;
  });
  forgetCalendar(ctx.db);
  return result;
}
