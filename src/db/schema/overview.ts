import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './people.js';

/**
 * 考核: the assessment rule (indicators × weights) as versioned data, one row per version, the
 * highest in force; none = the bundled default (version 0, 推定). Versions are never changed.
 */
export const assessmentRules = pgTable(
  'assessment_rules',
  {
    id: serial('id').primaryKey(),
    version: integer('version').notNull().unique(),
    definition: jsonb('definition').notNull(),
    reason: text('reason').notNull(),
    /** The author's jurisdiction. */
    jurisdictionId: integer('jurisdiction_id').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('assessment_rules_version_ck', sql`${t.version} >= 1`)],
);
