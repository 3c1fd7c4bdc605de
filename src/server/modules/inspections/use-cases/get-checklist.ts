import { sql } from 'drizzle-orm';
import { checklistFor, violationTypesFor } from '../../../../contracts/checklists/index.js';
import type { Ctx } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { pathInScope } from '../../../core/scope.js';
import { rows } from '../../../core/sql.js';
import { currentCampaign } from '../../campaigns/public.js';

/** The checklist and violation types for inspecting one unit (the campaign's for its kind, else the bundled default). */
export async function getChecklist(ctx: Ctx, q: { entityId: number; campaignId?: number }) {
  const [e] = await rows<{ kind: string; device_level: string | null; path: string }>(
    ctx.db,
    sql`select e.kind, e.device_level, j.path from entities e join jurisdictions j on j.id = e.jurisdiction_id where e.id = ${q.entityId}`,
  );
  if (!e || !pathInScope(ctx.actor, e.path)) throw notFound('检查对象');
  const def = q.campaignId ? (await currentCampaign(ctx.db, q.campaignId)).definition : null;
  return {
    checklist: checklistFor(def, e.kind, (e.device_level as '1' | '2' | '3' | null) ?? undefined),
    violationTypes: [...violationTypesFor(def)],
  };
}
