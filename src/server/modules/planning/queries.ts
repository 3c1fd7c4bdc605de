import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { jurisdictions, plans } from '../../../db/schema/index.js';
import { notFound } from '../../core/errors.js';
export { assertInspectorPool, INSPECTION_POOL_ROLES as POOL_ROLES, peopleNames } from '../inspections/public.js';

export { rows } from '../../core/sql.js';
import { rows } from '../../core/sql.js';

// Every plan request loads the plan; its findings (thousands of shortfalls for a province plan) are
// read only where they are shown (`planFindings`).
const { findings: _findings, ...planColumns } = getTableColumns(plans);

export async function getPlan(db: DbOrTx, id: number) {
  const [p] = await db
    .select({ plan: planColumns, path: jurisdictions.path })
    .from(plans)
    .innerJoin(jurisdictions, eq(jurisdictions.id, plans.jurisdictionId))
    .where(eq(plans.id, id));
  if (!p) throw notFound('检查计划');
  const [[c], [n], [cur]] = await Promise.all([
    rows(db, sql`select name from campaigns where id = ${p.plan.campaignId}`),
    rows(db, sql`select count(*)::int as n from plan_tasks where plan_id = ${id}`),
    rows(db, sql`select ${currentPlanOf(sql`${p.plan.campaignId}::integer`)} as id`),
  ]);
  return { ...p, campaignName: (c?.name as string) ?? '', taskCount: Number(n?.n ?? 0), current: cur?.id === id };
}
export type LoadedPlan = Awaited<ReturnType<typeof getPlan>>;

/** Shortfalls, warnings and the last check of a plan, as stored (see `findings.ts`). */
export async function planFindings(db: DbOrTx, id: number): Promise<any> {
  const [r] = await db.select({ findings: plans.findings }).from(plans).where(eq(plans.id, id));
  return r?.findings ?? {};
}

/** The id of a campaign's current plan (当前方案): the most recently published one not superseded. */
export const currentPlanOf = (campaignId: ReturnType<typeof sql>) =>
  sql`(select q.id from plans q where q.campaign_id = ${campaignId} and q.status = 'published' order by q.published_at desc, q.id desc limit 1)`;

/**
 * Rows counted per county or city (`area`) with that jurisdiction's name added (`areaName`), for
 * the coverage and plan pages; other rows pass unchanged. One lookup for all the areas.
 */
export async function withAreaNames<T extends { area?: { id: string } | null }>(
  db: DbOrTx,
  xs: T[],
): Promise<(T & { areaName?: string })[]> {
  const ids = [...new Set(xs.flatMap((x) => (x.area ? [Number(x.area.id)] : [])))];
  if (!ids.length) return xs;
  const names = new Map(
    (
      await rows(
        db,
        sql`select id, name from jurisdictions where id in (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )})`,
      )
    ).map((r) => [String(r.id), r.name as string]),
  );
  return xs.map((x) => (x.area && names.has(x.area.id) ? { ...x, areaName: names.get(x.area.id)! } : x));
}
