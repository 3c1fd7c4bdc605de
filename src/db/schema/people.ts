import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { jurisdictions, orgUnits } from './org.js';

/** People, with or without a login. Role and data scope decide what they may see and do. */
export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    role: text('role').notNull(),
    dataScope: text('data_scope').notNull(),
    orgUnitId: integer('org_unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'restrict' }),
    /** Area the person answers for; defaults to the unit's. Coordinators: a township; informants: a village. */
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    title: text('title'),
    phone: text('phone'),
    /** 执法证号: printed on inspection documents beside the inspector's name. */
    badgeNo: text('badge_no'),
    email: text('email'),
    active: boolean('active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** Optimistic-concurrency version: +1 on every change; updates must name the version they read (core/versions.ts). */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(sql`lower(${t.username})`),
    index('users_org_unit_idx').on(t.orgUnitId),
    index('users_jurisdiction_idx').on(t.jurisdictionId),
    check('users_username_ck', sql`${t.username} ~ '^[A-Za-z0-9_.-]{2,40}$'`),
    check('users_display_name_ck', sql`char_length(${t.displayName}) between 1 and 50`),
    check(
      'users_role_ck',
      sql`${t.role} in ('admin','leader','office','department','enforcement','station_head','inspector','coordinator','informant','viewer')`,
    ),
    check('users_scope_ck', sql`${t.dataScope} in ('own','unit','jurisdiction','all')`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the token in the cookie; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed sign-ins per user name (lower case), whether or not such a user exists, so that the
 * lock-out answers the same for unknown names. One atomic upsert counts an attempt before its
 * password is checked; `users.locked_until` mirrors the lock for the people list.
 */
export const loginFailures = pgTable('login_failures', {
  usernameKey: text('username_key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
