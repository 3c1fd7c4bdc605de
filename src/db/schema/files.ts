import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { jurisdictions } from './org.js';
import { users } from './people.js';

/**
 * Evidence files (core/files): one row per upload; the bytes live in the file store, addressed by
 * their sha256 (the same content is stored once however many rows name it). `jurisdiction_id` is
 * that of the record the file was uploaded for.
 */
export const files = pgTable(
  'files',
  {
    id: serial('id').primaryKey(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    mime: text('mime').notNull(),
    kind: text('kind').notNull(),
    width: integer('width'),
    height: integer('height'),
    /** EXIF time the photo was taken. */
    takenAt: timestamp('taken_at', { withTimezone: true }),
    /** EXIF GPS position (WGS-84 degrees). */
    gpsLat: doublePrecision('gps_lat'),
    gpsLng: doublePrecision('gps_lng'),
    /** The list thumbnail (JPEG) in the same store; images only. */
    thumbnailSha256: text('thumbnail_sha256'),
    originalName: text('original_name').notNull(),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('files_sha256_idx').on(t.sha256),
    index('files_thumbnail_idx').on(t.thumbnailSha256),
    index('files_jurisdiction_idx').on(t.jurisdictionId),
    check(
      'files_sha256_ck',
      sql`${t.sha256} ~ '^[0-9a-f]{64}$' and (${t.thumbnailSha256} is null or ${t.thumbnailSha256} ~ '^[0-9a-f]{64}$')`,
    ),
    check('files_size_ck', sql`${t.size} > 0`),
    check('files_kind_ck', sql`${t.kind} in ('image','document')`),
    check('files_name_ck', sql`char_length(${t.originalName}) between 1 and 100`),
    check('files_dims_ck', sql`(${t.width} is null or ${t.width} > 0) and (${t.height} is null or ${t.height} > 0)`),
    check(
      'files_gps_ck',
      sql`(${t.gpsLat} is null or ${t.gpsLat} between -90 and 90) and (${t.gpsLng} is null or ${t.gpsLng} between -180 and 180)`,
    ),
  ],
);

/**
 * A file belongs to records (an inspection, a rectification, a case…): serving the file requires
 * that the caller may read at least one of them (the check each module registers per record type).
 */
export const fileAttachments = pgTable(
  'file_attachments',
  {
    id: serial('id').primaryKey(),
    fileId: integer('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    recordType: text('record_type').notNull(),
    recordId: integer('record_id').notNull(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('file_attachments_uq').on(t.fileId, t.recordType, t.recordId),
    index('file_attachments_record_idx').on(t.recordType, t.recordId),
    index('file_attachments_jurisdiction_idx').on(t.jurisdictionId),
    check('file_attachments_type_ck', sql`${t.recordType} ~ '^[a-z][a-z0-9_-]{0,39}$'`),
  ],
);
