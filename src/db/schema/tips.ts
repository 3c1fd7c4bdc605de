import { sql } from 'drizzle-orm';
import { check, customType, date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { jurisdictions, orgUnits } from './org.js';
import { users } from './people.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Grassroots tips (基层上报): a hazard or clue reported by a coordinator (township) or an
 * informant (village). `jurisdiction_id` is the reporter's area; states live in tips/workflow.ts.
 */
export const tips = pgTable(
  'tips',
  {
    id: serial('id').primaryKey(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    /** The reporter's unit (their station), for the 'unit' data scope. */
    orgUnitId: integer('org_unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'restrict' }),
    reportedBy: integer('reported_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    place: text('place').notNull(),
    entityName: text('entity_name'),
    entityAddress: text('entity_address'),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('submitted'),
    /** Reason of a rejection, or the note of the last review step. */
    reviewNote: text('review_note'),
    reviewedBy: integer('reviewed_by').references(() => users.id, { onDelete: 'restrict' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    forwardNote: text('forward_note'),
    forwardedBy: integer('forwarded_by').references(() => users.id, { onDelete: 'restrict' }),
    forwardedAt: timestamp('forwarded_at', { withTimezone: true }),
    /** Optimistic-concurrency version: +1 on every change; updates must name the version they read (core/versions.ts). */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tips_jurisdiction_idx').on(t.jurisdictionId, t.createdAt),
    index('tips_reported_by_idx').on(t.reportedBy, t.createdAt),
    index('tips_status_idx').on(t.status),
    check('tips_kind_ck', sql`${t.kind} in ('hazard','clue','other')`),
    check('tips_status_ck', sql`${t.status} in ('submitted','accepted','rejected','forwarded')`),
    check('tips_title_ck', sql`char_length(${t.title}) between 1 and 100`),
    check('tips_description_ck', sql`char_length(${t.description}) <= 2000`),
    check('tips_place_ck', sql`char_length(${t.place}) between 1 and 200`),
    check('tips_rejected_reason_ck', sql`${t.status} <> 'rejected' or char_length(coalesce(${t.reviewNote}, '')) > 0`),
  ],
);

/** Photos attached to a tip, stored in the database (size and type limited at upload and here). */
export const tipPhotos = pgTable(
  'tip_photos',
  {
    id: serial('id').primaryKey(),
    tipId: integer('tip_id')
      .notNull()
      .references(() => tips.id, { onDelete: 'cascade' }),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tip_photos_tip_idx').on(t.tipId),
    check('tip_photos_size_ck', sql`${t.size} between 1 and 5242880 and octet_length(${t.data}) = ${t.size}`),
    check('tip_photos_type_ck', sql`${t.mimeType} in ('image/jpeg','image/png','image/webp')`),
  ],
);
