import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { orgUnits } from './org.js';

/**
 * An issuing unit's 发文机关代字 (e.g. 兴市监), the first part of its document numbers
 * (`contracts/documents.ts`). A unit without a row cannot number documents.
 */
export const documentIssuers = pgTable(
  'document_issuers',
  {
    orgUnitId: integer('org_unit_id')
      .primaryKey()
      .references(() => orgUnits.id, { onDelete: 'restrict' }),
    abbreviation: text('abbreviation').notNull(),
    /** Optimistic-concurrency version: +1 on every change (core/versions.ts). */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('document_issuers_abbreviation_ck', sql`char_length(${t.abbreviation}) between 1 and 20`)],
);

/**
 * The last number given per issuing unit, document kind and Beijing calendar year; incremented by
 * one upsert inside the transaction that issues the document (core/documents/numbers.ts), so a
 * rolled-back document gives its number back.
 */
export const documentNumbers = pgTable(
  'document_numbers',
  {
    orgUnitId: integer('org_unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgUnitId, t.kind, t.year] }),
    check('document_numbers_kind_ck', sql`char_length(${t.kind}) between 1 and 50`),
    check('document_numbers_year_ck', sql`${t.year} between 2000 and 2999`),
    check('document_numbers_last_ck', sql`${t.lastNumber} > 0`),
  ],
);
