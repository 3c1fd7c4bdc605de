import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { jurisdictions, plans } from '../../../db/schema/index.js';
import { invalid, notFound } from '../../core/errors.js';

export const rows = async <T = any>(db: DbOrTx, q: ReturnType<typeof sql>): Promise<T[]> => ((await db.execute(q)) as any).rows as T[];

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

/** Names of people by id (for presenting inspectors). */
export async function peopleNames(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
  const uniq = [...new Set(ids)];
  if (!uniq.length) return new Map();
  const list = await rows(db, sql`select id, display_name from users where id in ${sql`(${sql.join(uniq.map((i) => sql`${i}`), sql`, `)})`}`);
  return new Map(list.map((p) => [p.id, p.display_name]));
}

/** The id of a campaign's current plan (当前方案): the most recently published one not superseded. */
export const currentPlanOf = (campaignId: ReturnType<typeof sql>) =>
  sql`(select q.id from plans q where q.campaign_id = ${campaignId} and q.status = 'published' order by q.published_at desc, q.id desc limit 1)`;

/** Roles in a station's inspector pool (the people the double-random draw chooses from). */
export const POOL_ROLES = sql`('inspector','station_head')`;

/**
 * Refuse inspectors outside the station's pool (active inspectors and heads of that station), and
 * name none of them: an id of another county's inspector or a coordinator must not echo a name.
 */
export async function assertInspectorPool(db: DbOrTx, stationId: number, ids: number[]) {
  const uniq = [...new Set(ids)];
  if (!uniq.length) return;
  const ok = await rows(
    db,
    sql`select id from users where jurisdiction_id = ${stationId} and active and role in ${POOL_ROLES} and id in (${sql.join(uniq.map((i) => sql`${i}`), sql`, `)})`,
  );
  if (ok.length !== uniq.length) throw invalid('检查人员须为该监管所在岗的检查人员', [{ path: 'inspectorIds', message: '须为该监管所在岗的检查人员' }]);
}
