import { sql } from 'drizzle-orm';
import type { Inspection, InspectionStatus } from '../../../contracts/inspections.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { rows } from '../../core/sql.js';
import { peopleNames } from './queries.js';
import { originInForce } from './origins.js';
import { inspectionWorkflow } from './workflow.js';

interface InspectionRow {
  id: number;
  plan_task_id: number | null;
  plan_id: number | null;
  entity_id: number;
  entity_name: string | null;
  jurisdiction_id: number;
  date_text: string;
  inspector_ids: number[] | null;
  status: InspectionStatus;
  note: string | null;
  cancel_reason: string | null;
  version: number;
  recorded_at: string | Date | null;
}

/** One inspection as the API shows it, with the actions the caller may take now. */
export async function presentInspection(ctx: Pick<Ctx, 'actor' | 'ext'>, db: DbOrTx, id: number): Promise<Inspection> {
  const [r] = await rows<InspectionRow>(
    db,
    sql`select i.*, i.date::text as date_text, e.name as entity_name from inspections i left join entities e on e.id = i.entity_id where i.id = ${id}`,
  );
  if (!r) throw notFound('检查记录');
  const names = await peopleNames(db, r.inspector_ids ?? []);
  const inForce = r.status === 'done' ? await originInForce(ctx.ext, db, { id: r.id, planTaskId: r.plan_task_id }) : false;
  return {
    id: r.id,
    planTaskId: r.plan_task_id,
    planId: r.plan_id,
    entityId: r.entity_id,
    entityName: r.entity_name ?? `#${r.entity_id}`,
    jurisdictionId: r.jurisdiction_id,
    date: r.date_text,
    inspectors: (r.inspector_ids ?? []).map((i) => ({ id: i, name: names.get(i) ?? `#${i}` })),
    status: r.status,
    note: r.note,
    cancelReason: r.cancel_reason,
    version: r.version,
    recordedAt: r.recorded_at ? new Date(r.recorded_at).toISOString() : null,
    actions: inspectionWorkflow.actionsFor(ctx.actor, r.status, { originInForce: inForce }),
  };
}
