import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { jurisdictions } from './org.js';
import { users } from './people.js';

/** Kinds of regulated entity, upserted at start from src/contracts/entity-kinds.ts (the codes' source). */
export const entityKinds = pgTable('entity_kinds', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  sector: text('sector').notNull(),
  attrs: text('attrs')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  sortOrder: integer('sort_order').notNull().default(0),
});

/**
 * Regulated entities (监管对象). `jurisdiction_id` is the station's jurisdiction (the scope and
 * distribution key); township and village refine it. The planner reads the plain columns.
 */
export const entities = pgTable(
  'entities',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    creditCode: text('credit_code'),
    kind: text('kind')
      .notNull()
      .references(() => entityKinds.code, { onDelete: 'restrict' }),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    townshipId: integer('township_id').references(() => jurisdictions.id, { onDelete: 'set null' }),
    villageId: integer('village_id').references(() => jurisdictions.id, { onDelete: 'set null' }),
    address: text('address'),
    legalRepresentative: text('legal_representative'),
    personInCharge: text('person_in_charge'),
    qualityManager: text('quality_manager'),
    phone: text('phone'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Products / business scope handled (经营品种, codes of contracts/products.ts): quota populations select by them. */
    products: text('products')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    medicalGrade: text('medical_grade'),
    deviceLevel: text('device_level'),
    familyPlanning: boolean('family_planning').notNull().default(false),
    riskLevel: text('risk_level').notNull().default('low'),
    /** 1 low, 2 medium, 3 high: sortable. */
    riskRank: integer('risk_rank').generatedAlwaysAs(sql`case risk_level when 'high' then 3 when 'medium' then 2 else 1 end`),
    creditGrade: text('credit_grade'),
    status: text('status').notNull().default('operating'),
    /** Earliest expiry among the unit's licences (kept by the use cases that write licences). */
    licenceValidTo: date('licence_valid_to', { mode: 'string' }),
    /** Name, code and address in one text for trigram search. */
    searchText: text('search_text').generatedAlwaysAs(sql`name || ' ' || coalesce(credit_code, '') || ' ' || coalesce(address, '')`),
    /** Distinct two-character pieces of name and address (written by the use cases): serves 2-character searches, which trigrams cannot. */
    searchBigrams: text('search_bigrams')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Optimistic-concurrency version: +1 on every change; updates must name the version they read (core/versions.ts). */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('entities_credit_code_uq').on(t.creditCode),
    index('entities_jurisdiction_name_idx').on(t.jurisdictionId, t.name, t.id),
    index('entities_name_idx').on(t.name, t.id),
    index('entities_kind_name_idx').on(t.kind, t.name, t.id),
    index('entities_licence_valid_to_idx').on(t.licenceValidTo, t.id),
    index('entities_township_idx').on(t.townshipId),
    index('entities_village_idx').on(t.villageId),
    index('entities_tags_idx').using('gin', t.tags),
    index('entities_bigrams_idx').using('gin', t.searchBigrams),
    index('entities_updated_idx').on(t.updatedAt, t.id),
    // The list's count ("共 N 家", capped at 10,000) under the attribute filters, as an index-only scan: the
    // columns repeat across units, so the index stays small (7 MB for 250,000 units against a 180 MB
    // table) and a count no longer reads up to 10,001 table rows (province: 220 → 6 ms for one mix).
    index('entities_filter_idx').on(t.kind, t.deviceLevel, t.riskLevel, t.creditGrade, t.status, t.jurisdictionId),
    index('entities_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('entities_name_ck', sql`char_length(${t.name}) between 1 and 100`),
    check('entities_risk_ck', sql`${t.riskLevel} in ('low','medium','high')`),
    check('entities_credit_ck', sql`${t.creditGrade} is null or ${t.creditGrade} in ('A','B','C','D')`),
    check('entities_status_ck', sql`${t.status} in ('operating','suspended','closed')`),
    check('entities_medical_grade_ck', sql`${t.medicalGrade} is null or ${t.medicalGrade} in ('1','2','3','none')`),
    check('entities_device_level_ck', sql`${t.deviceLevel} is null or ${t.deviceLevel} in ('1','2','3')`),
  ],
);

/** Licences and filing certificates; (kind, number) identifies one across the registry. */
export const entityLicences = pgTable(
  'entity_licences',
  {
    id: serial('id').primaryKey(),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    scope: text('scope'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('entity_licences_kind_number_uq').on(t.kind, t.number),
    index('entity_licences_entity_idx').on(t.entityId),
    index('entity_licences_number_idx').on(t.number),
  ],
);

/** An upload of an entity list: raw cells kept for re-mapping, then validated and imported. */
export const entityImports = pgTable(
  'entity_imports',
  {
    id: serial('id').primaryKey(),
    /** Distinct two-character pieces of name and address (written by the use cases): serves 2-character searches, which trigrams cannot. */
    searchBigrams: text('search_bigrams')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    fileName: text('file_name').notNull(),
    status: text('status').notNull(),
    headers: text('headers').array().notNull(),
    mapping: jsonb('mapping').notNull(),
    /** The file's data rows as JSON text ({n, cells}[]): kept for re-mapping and confirming; emptied once imported. */
    rows: text('rows').notNull(),
    total: integer('total').notNull().default(0),
    valid: integer('valid').notNull().default(0),
    toCreate: integer('to_create').notNull().default(0),
    toUpdate: integer('to_update').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    errors: jsonb('errors')
      .notNull()
      .default(sql`'[]'::jsonb`),
    errorCount: integer('error_count').notNull().default(0),
    message: text('message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('entity_imports_created_by_idx').on(t.createdBy)],
);

/**
 * The registry's change feed per station: every statement that inserts, updates or deletes units
 * adds one row per station it touched (`n` = the row versions it wrote there: an update counts a
 * unit's old and new one), written by statement triggers on
 * `entities` in the writer's transaction (migration 0031). Nothing updates a row in place, so
 * writers never wait on each other here. A station's sum of `n` only grows, whatever the commit order,
 * so it tells a reader whether the station's units changed since it last looked (planning's cached
 * requirements) in one small indexed read. `compactRegistryChanges` folds a station's rows into one
 * with the same sum.
 */
export const registryChanges = pgTable(
  'registry_changes',
  {
    jurisdictionId: integer('jurisdiction_id').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => [index('registry_changes_jurisdiction_idx').on(t.jurisdictionId, t.n)],
);
