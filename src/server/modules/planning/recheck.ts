import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { plans } from '../../../db/schema/index.js';
import { checkPlan, type PlanningContext } from './engine/index.js';
import { storedCheck } from './findings.js';
import { loadLastInspectors } from './loader.js';
import { rows, type LoadedPlan } from './queries.js';

/**
 * Re-check a plan's current tasks against its rules (after a manual change) and store the result.
 * `context` is the plan's requirements (from the coverage cache, loaded before the transaction);
 * tasks and last inspectors are read through `db`, the transaction making the change.
 */
export async function recheckPlan(db: DbOrTx, p: LoadedPlan, context: PlanningContext): Promise<ReturnType<typeof storedCheck>> {
  const lastInspectors = await loadLastInspectors(db, p.path);
  const tasks = await rows(
    db,
    sql`select id::text as id, entity_id::text as entity_id, visit, due_from, due_to, inspector_ids from plan_tasks where plan_id = ${p.plan.id} order by id`,
  );
  const check = checkPlan(
    context,
    tasks.map((t) => ({
      id: t.id,
      entityId: t.entity_id,
      visit: t.visit,
      dueFrom: t.due_from,
      dueTo: t.due_to,
      inspectorIds: (t.inspector_ids ?? []).map(String),
    })),
    { lastInspectors, minimum: p.plan.minimum },
  );
  const stored = storedCheck(check);
  await db
    .update(plans)
    .set({ findings: sql`jsonb_set(${plans.findings}, '{check}', ${JSON.stringify(stored)}::jsonb)`, updatedAt: new Date() })
    .where(eq(plans.id, p.plan.id));
  return stored;
}
