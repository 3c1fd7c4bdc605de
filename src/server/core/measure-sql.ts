import { sql, type SQL } from 'drizzle-orm';
import { ENTITY_KINDS } from '../../contracts/entity-kinds.js';
import type { DbOrTx } from '../../db/client.js';
import type { MeasureCategory, MeasureDrill, MeasureFilter } from './extensions.js';
import { inSubtree } from './scope.js';
import { rows } from './sql.js';

/**
 * The SQL every report measure shares (modules' `measures.ts`): the area, unit-kind and product
 * category filters, the period, and running a `(jurisdiction_id, n)` query into a Map.
 */

/** `col` (a record's jurisdiction) lies in the filter's subtree (`/` = everywhere: no condition). */
export const inArea = (col: SQL, f: Pick<MeasureFilter, 'path'>): SQL => (f.path === '/' ? sql`true` : inSubtree(col, f.path));

/** `col` (a date) lies in the filter's period (inclusive Beijing dates). */
export const inPeriod = (col: SQL, f: Pick<MeasureFilter, 'from' | 'to'>): SQL => sql`${col} between ${f.from}::date and ${f.to}::date`;

/** The unit kinds of a product category: a unit's kind implies its sector (contracts/entity-kinds.ts). */
export function kindsOfCategory(category: MeasureCategory): string[] {
  return ENTITY_KINDS.filter((k) => k.sector === category).map((k) => k.code);
}

/**
 * The unit kinds a filter admits (entity kinds, narrowed by a category that a unit's kind implies),
 * or null when it admits every kind. An empty list admits none (e.g. kinds of another category).
 */
export function admittedKinds(f: Pick<MeasureFilter, 'entityKinds' | 'category'>): string[] | null {
  let kinds: string[] | null = f.entityKinds?.length ? [...f.entityKinds] : null;
  if (f.category) {
    const of = kindsOfCategory(f.category);
    kinds = kinds ? kinds.filter((k) => of.includes(k)) : of;
  }
  return kinds;
}

const list = (values: string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** `and <kindCol> in (…)` for the kinds the filter admits (empty SQL when it admits all). */
export function andKinds(kindCol: SQL, f: Pick<MeasureFilter, 'entityKinds' | 'category'>): SQL {
  const kinds = admittedKinds(f);
  if (!kinds) return sql``;
  return kinds.length ? sql`and ${kindCol} in (${list(kinds)})` : sql`and false`;
}

/** `and <entityCol> in (units of the admitted kinds)`, for records whose unit is optional (clues). */
export function andUnitOfKinds(entityCol: SQL, f: Pick<MeasureFilter, 'entityKinds' | 'category'>): SQL {
  const kinds = admittedKinds(f);
  if (!kinds) return sql``;
  return kinds.length ? sql`and ${entityCol} in (select id from entities where kind in (${list(kinds)}))` : sql`and false`;
}

/**
 * `and <categoryCol> = …` for records that carry their own product category. `cosmetic` spells the
 * category as the sampling records store it (they say `cosmetic`, the filter says `cosmetics`).
 */
export function andCategory(
  categoryCol: SQL,
  f: Pick<MeasureFilter, 'category'>,
  spelling: Partial<Record<MeasureCategory, string>> = {},
): SQL {
  if (!f.category) return sql``;
  return sql`and ${categoryCol} = ${spelling[f.category] ?? f.category}`;
}

/** Run a query selecting `jurisdiction_id` and `n` into a Map (missing = 0). */
export async function perJurisdiction(db: DbOrTx, q: SQL): Promise<Map<number, number>> {
  const list = await rows<{ jurisdiction_id: number; n: string | number | null }>(db, q);
  const out = new Map<number, number>();
  for (const r of list) if (r.n !== null && Number(r.n) !== 0) out.set(r.jurisdiction_id, Number(r.n));
  return out;
}

/**
 * The drill-down page of a query selecting `type, id, label, date, jurisdiction_id, entity_id,
 * entity_name, value` (newest first, paged). `value` is what a record adds to a sum measure (元, 人次);
 * null for counts, where each row counts 1.
 */
export async function drillRows(
  db: DbOrTx,
  q: SQL,
  opts: { jurisdictionId?: number; limit: number; offset: number },
): Promise<Awaited<ReturnType<MeasureDrill>>> {
  const where = opts.jurisdictionId === undefined ? sql`true` : sql`d.jurisdiction_id = ${opts.jurisdictionId}`;
  const list = await rows<{
    type: string;
    id: number;
    label: string | null;
    date: string;
    jurisdiction_id: number;
    entity_id: number | null;
    entity_name: string | null;
    value: string | number | null;
    total: number;
  }>(
    db,
    sql`select d.type, d.id, d.label, d.date::text as date, d.jurisdiction_id, d.entity_id, d.entity_name, d.value,
          count(*) over ()::int as total
        from (${q}) d where ${where}
        order by d.date desc, d.id desc limit ${opts.limit} offset ${opts.offset}`,
  );
  let total = list[0]?.total ?? 0;
  if (!list.length && opts.offset > 0) {
    const [c] = await rows<{ n: number }>(db, sql`select count(*)::int as n from (${q}) d where ${where}`);
    total = c.n;
  }
  return {
    total,
    rows: list.map((r) => ({
      type: r.type,
      id: r.id,
      label: r.label ?? '',
      date: String(r.date),
      jurisdictionId: r.jurisdiction_id,
      ...(r.entity_id !== null ? { entityId: r.entity_id, entityName: r.entity_name ?? '' } : {}),
      ...(r.value !== null ? { value: Number(r.value) } : {}),
    })),
  };
}
