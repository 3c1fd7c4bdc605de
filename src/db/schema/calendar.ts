import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './people.js';

/**
 * The holiday calendar (节假日日历) as data. A year counts for working days only once it has a row
 * here (its arrangement is complete): seeded from the `chinese-days` package (source 'package'), or
 * entered by an administrator (source 'admin', never overwritten by the seed).
 */
export const calendarYears = pgTable(
  'calendar_years',
  {
    year: integer('year').primaryKey(),
    source: text('source').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('calendar_years_source_ck', sql`${t.source} in ('package','admin')`),
    check('calendar_years_year_ck', sql`${t.year} between 2000 and 2100`),
  ],
);

/** The special days: 'holiday' = a day off (放假), 'workday' = a weekend make-up working day (调休上班). */
export const calendarDays = pgTable(
  'calendar_days',
  {
    day: date('day', { mode: 'string' }).primaryKey(),
    kind: text('kind').notNull(),
    name: text('name'),
  },
  (t) => [
    check('calendar_days_kind_ck', sql`${t.kind} in ('holiday','workday')`),
    check('calendar_days_name_ck', sql`char_length(${t.name}) <= 30`),
  ],
);
