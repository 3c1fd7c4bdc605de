import { sql } from 'drizzle-orm';
import type { Inspection } from '../../../../contracts/plans.js';
import type { DbOrTx } from '../../../../db/client.js';
import type { Ctx } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { pathInScope } from '../../../core/scope.js';
import { peopleNames, rows } from '../queries.js';

/** An inspection's version for optimistic edits: its last change in microseconds, as text (exact, unlike a JS Date). */
export const inspectionVersion = (col: ReturnType<typeof sql>) => sql`(extract(epoch from ${col}) * 1000000)::bigint::text`;

const inspectionSql = (id: number) =>
  sql`select i.*, i.date::text as date_text, ${inspectionVersion(sql`i.updated_at`)} as version, e.name as entity_name, j.path from inspections i
      left join entities e on e.id = i.entity_id join jurisdictions j on j.id = i.jurisdiction_id where i.id = ${id}`;

export async function presentInspection(db: DbOrTx, id: number): Promise<Inspection> {
  const [r] = await rows(db, inspectionSql(id));
  if (!r) throw notFound('检查记录');
  const names = await peopleNames(db, r.inspector_ids ?? []);
  return {
    id: r.id,
    planTaskId: r.plan_task_id,
    planId: r.plan_id,
    entityId: r.entity_id,
    entityName: r.entity_name ?? `#${r.entity_id}`,
    jurisdictionId: r.jurisdiction_id,
    date: r.date_text,
    inspectors: (r.inspector_ids ?? []).map((i: number) => ({ id: i, name: names.get(i) ?? `#${i}` })),
    status: r.status,
    note: r.note,
    cancelReason: r.cancel_reason,
    updatedAt: r.version,
    recordedAt: r.recorded_at ? new Date(r.recorded_at).toISOString() : null,
  };
}

/** One inspection in the actor's scope. */
export async function getInspection(ctx: Ctx, id: number): Promise<Inspection> {
  const [r] = await rows(ctx.db, sql`select j.path from inspections i join jurisdictions j on j.id = i.jurisdiction_id where i.id = ${id}`);
  if (!r || !pathInScope(ctx.actor, r.path)) throw notFound('检查记录');
  return presentInspection(ctx.db, id);
}
