import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, numeric, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { clues } from './clues.js';
import { entities } from './entities.js';
import { jurisdictions, orgUnits } from './org.js';
import { users } from './people.js';

/** Complaints and reports (投诉举报, 12315): deadlines from the rules in contracts/complaints.ts; states in complaints/workflow.ts. */
export const complaints = pgTable(
  'complaints',
  {
    id: serial('id').primaryKey(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    orgUnitId: integer('org_unit_id').references(() => orgUnits.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    channel: text('channel').notNull(),
    platformNo: text('platform_no'),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    realName: boolean('real_name').notNull(),
    complainantName: text('complainant_name'),
    complainantPhone: text('complainant_phone'),
    entityId: integer('entity_id').references(() => entities.id, { onDelete: 'restrict' }),
    subjectName: text('subject_name'),
    summary: text('summary').notNull(),
    content: text('content').notNull(),
    status: text('status').notNull().default('received'),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    refusedOn: date('refused_on', { mode: 'string' }),
    refuseReason: text('refuse_reason'),
    informedOn: date('informed_on', { mode: 'string' }),
    informNote: text('inform_note'),
    repliedOn: date('replied_on', { mode: 'string' }),
    reply: text('reply'),
    clueId: integer('clue_id').references(() => clues.id, { onDelete: 'restrict' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'restrict' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('complaints_jurisdiction_received_idx').on(t.jurisdictionId, t.receivedOn),
    index('complaints_status_idx').on(t.status),
    index('complaints_entity_idx').on(t.entityId),
    check('complaints_kind_ck', sql`${t.kind} in ('complaint','report')`),
    check('complaints_channel_ck', sql`${t.channel} in ('platform','hotline','letter','visit','transferred')`),
    check('complaints_status_ck', sql`${t.status} in ('received','accepted','refused','replied')`),
    check('complaints_refused_reason_ck', sql`${t.status} <> 'refused' or char_length(coalesce(${t.refuseReason}, '')) > 0`),
    check('complaints_replied_ck', sql`${t.status} <> 'replied' or (${t.acceptedOn} is not null and ${t.reply} is not null)`),
  ],
);

/** A reward (奖励) for a report: requested by one person, approved or rejected by another (a leader). */
export const complaintRewards = pgTable(
  'complaint_rewards',
  {
    id: serial('id').primaryKey(),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'restrict' }),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    amount: numeric('amount', { precision: 12, scale: 2 }).notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('requested'),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'restrict' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('complaint_rewards_complaint_uq').on(t.complaintId),
    check('complaint_rewards_status_ck', sql`${t.status} in ('requested','approved','rejected')`),
    check('complaint_rewards_amount_ck', sql`${t.amount} > 0`),
    check('complaint_rewards_four_eyes_ck', sql`${t.decidedBy} is null or ${t.decidedBy} <> ${t.requestedBy}`),
  ],
);
