import { sql } from 'drizzle-orm';
import { can } from '../../../contracts/permissions.js';
import type { DashboardSection } from '../../core/extensions.js';
import { rows } from '../../core/sql.js';

/**
 * The 工作台 reminds whoever keeps the holiday calendar of a year not entered yet: this year at any
 * time, next year from October (the State Council publishes it late in the year and the bundled
 * package may not have it). Working-day deadlines that fall in a missing year are refused until then.
 */
export const calendarDashboardSection: DashboardSection = {
  key: 'calendar',
  async load(ctx, today) {
    if (!can(ctx.actor.role, 'calendar.manage')) return {};
    const year = Number(today.slice(0, 4));
    const wanted = Number(today.slice(5, 7)) >= 10 ? [year, year + 1] : [year];
    const have = new Set(
      (await rows<{ year: number }>(ctx.db, sql`select year from calendar_years where year = any(${`{${wanted.join(',')}}`}::int[])`)).map(
        (r) => Number(r.year),
      ),
    );
    return { calendarMissingYears: wanted.filter((y) => !have.has(y)) };
  },
};
