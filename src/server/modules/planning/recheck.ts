import { eq, sql } from 'drizzle-orm';
import type { QuotaRule } from '../../../contracts/quota-rules.js';
import type { DbOrTx } from '../../../db/client.js';
import { plans } from '../../../db/schema/index.js';
import { checkPlan, type PlanCheck, type PlannerCampaign } from './engine/index.js';
import { contextOf, loadPlanningInput } from './loader.js';
import { rows, type LoadedPlan } from './queries.js';

/** Re-check a plan's current tasks against its rules (after a manual change) and store the result. */
export async function recheckPlan(db: DbOrTx, p: LoadedPlan): Promise<PlanCheck> {
  const { input } = await loadPlanningInput(db, p.path, p.plan.rules as QuotaRule[], p.plan.period as PlannerCampaign);
  const context = contextOf(input);
  const tasks = await rows(
    db,
    sql`select id::text as id, entity_id::text as entity_id, visit, due_from, due_to, inspector_ids from plan_tasks where plan_id = ${p.plan.id} order by id`,
  );
  const check = checkPlan(
    context,
    tasks.map((t) => ({ id: t.id, entityId: t.entity_id, visit: t.visit, dueFrom: t.due_from, dueTo: t.due_to, inspectorIds: (t.inspector_ids ?? []).map(String) })),
    { lastInspectors: input.lastInspectors, minimum: p.plan.minimum },
  );
  const findings = { ...(p.plan.findings as object), check };
  await db.update(plans).set({ findings, updatedAt: new Date() }).where(eq(plans.id, p.plan.id));
  return check;
}
