import type { CalendarYear } from '../../../../contracts/calendar.js';
import type { Ctx } from '../../../core/context.js';
import { readYear } from '../queries.js';

/** One year's holidays and make-up working days (empty, version 0, when not entered yet). */
export async function getCalendarYear(ctx: Ctx, year: number): Promise<CalendarYear> {
  return readYear(ctx.db, year);
}
