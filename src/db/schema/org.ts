import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Jurisdiction tree: 省 → 市 → 县/区/旗 → 市场监管所 → 乡镇/街道/苏木 → 村/社区/嘎查.
 * `path` is the materialised chain of ids ("/1/7/31/") so a subtree is one prefix match;
 * every scoped record carries a jurisdiction id, which is also the future distribution key.
 */
export const jurisdictions = pgTable(
  'jurisdictions',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id').references((): any => jurisdictions.id, { onDelete: 'restrict' }),
    level: text('level').notNull(),
    /** Local naming of the level, e.g. 旗 / 苏木 / 嘎查 instead of 县 / 乡镇 / 村. */
    levelLabel: text('level_label').notNull(),
    name: text('name').notNull(),
    code: text('code'),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    /** Optimistic-concurrency version: +1 on every change; updates must name the version they read (core/versions.ts). */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('jurisdictions_parent_idx').on(t.parentId),
    index('jurisdictions_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    uniqueIndex('jurisdictions_parent_name_uq').on(t.parentId, t.name),
    check('jurisdictions_level_ck', sql`${t.level} in ('province','city','county','station','township','village')`),
    check('jurisdictions_name_ck', sql`char_length(${t.name}) between 1 and 100`),
  ],
);

/** Organisational units: bureau, its departments (股室), stations (所), enforcement brigade and squads. */
export const orgUnits = pgTable(
  'org_units',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id').references((): any => orgUnits.id, { onDelete: 'restrict' }),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    phone: text('phone'),
    address: text('address'),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    /** Optimistic-concurrency version: +1 on every change; updates must name the version they read (core/versions.ts). */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('org_units_parent_idx').on(t.parentId),
    index('org_units_jurisdiction_idx').on(t.jurisdictionId),
    uniqueIndex('org_units_jurisdiction_name_uq').on(t.jurisdictionId, t.name),
    check('org_units_kind_ck', sql`${t.kind} in ('upper','bureau','department','station','brigade','squad','grassroots')`),
    check('org_units_name_ck', sql`char_length(${t.name}) between 1 and 100`),
  ],
);
