import { sql } from 'drizzle-orm';
import type { PlanSummary } from '../../../../contracts/plans.js';
import type { Ctx } from '../../../core/context.js';
import { currentPlanOf, rows } from '../queries.js';
import { isoTimestamp } from '../../../../contracts/calendar.js';

/** Plans of the areas the actor belongs to or oversees, newest first; optionally of one campaign. */
export async function listPlans(ctx: Ctx, q: { campaignId?: number }): Promise<PlanSummary[]> {
  const a = ctx.actor;
  const visible =
    a.scope === 'all' ? sql`true` : sql`(j.path like ${a.jurisdictionPath + '%'} or ${a.jurisdictionPath} like j.path || '%')`;
  const list = await rows(
    ctx.db,
    sql`select p.*, c.name as campaign_name, (select count(*)::int from plan_tasks t where t.plan_id = p.id) as task_count,
          p.id = ${currentPlanOf(sql`p.campaign_id`)} as current
        from plans p join jurisdictions j on j.id = p.jurisdiction_id left join campaigns c on c.id = p.campaign_id
        where ${visible} ${q.campaignId ? sql`and p.campaign_id = ${q.campaignId}` : sql``}
        order by p.id desc limit 200`,
  );
  return list.map((p) => ({
    id: p.id,
    campaignId: p.campaign_id,
    campaignName: p.campaign_name ?? '',
    campaignVersion: p.campaign_version,
    jurisdictionId: p.jurisdiction_id,
    name: p.name,
    seed: p.seed,
    status: p.status,
    current: !!p.current,
    supersededBy: p.superseded_by ?? null,
    minimum: p.minimum,
    optimal: p.optimal,
    taskCount: p.task_count,
    createdAt: isoTimestamp(p.created_at as string),
    publishedAt: isoTimestamp(p.published_at as string | null),
  }));
}
