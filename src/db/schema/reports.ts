import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.js';
import { orgUnits } from './org.js';
import { users } from './people.js';

/**
 * A report submission (报送): one per campaign × obligation × due date × submitting org unit (an
 * ad-hoc obligation — 典型案例“及时上报” — has no due date and may be submitted many times).
 * Drafted by the unit's liaison, reviewed by the unit head (and the leader in charge when the
 * obligation asks), sent up (已上报: the table is frozen in `snapshot`), then accepted (locked) or
 * returned with a reason by the receiving level. `first_reported_at` decides timeliness.
 */
export const reportSubmissions = pgTable(
  'report_submissions',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'restrict' }),
    obligationKey: text('obligation_key').notNull(),
    /** The due date this submission answers (Beijing date); null for an ad-hoc obligation. */
    dueDate: date('due_date', { mode: 'string' }),
    orgUnitId: integer('org_unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'restrict' }),
    /** The submitting unit's jurisdiction: scope and distribution key. */
    jurisdictionId: integer('jurisdiction_id').notNull(),
    status: text('status').notNull().default('draft'),
    /** What the unit wrote: { sections: [{title, text}], cells: {rowKey: {colKey: value}}, title }. */
    content: jsonb('content')
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** The table as sent up (live values and typed cells), frozen at 已上报 and never recomputed. */
    snapshot: jsonb('snapshot'),
    returnReason: text('return_reason'),
    draftedBy: integer('drafted_by').references(() => users.id, { onDelete: 'set null' }),
    firstReportedAt: timestamp('first_reported_at', { withTimezone: true }),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: integer('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('report_submissions_due_uq')
      .on(t.campaignId, t.obligationKey, t.dueDate, t.orgUnitId)
      .where(sql`${t.dueDate} is not null`),
    index('report_submissions_jurisdiction_idx').on(t.jurisdictionId, t.campaignId, t.status),
    index('report_submissions_unit_idx').on(t.orgUnitId, t.campaignId),
    check('report_submissions_status_ck', sql`${t.status} in ('draft','unit_review','leader_review','reported','accepted','returned')`),
    check('report_submissions_key_ck', sql`char_length(${t.obligationKey}) between 1 and 60`),
  ],
);
