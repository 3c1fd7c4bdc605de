import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { InspectionStatus } from '../../../contracts/inspections.js';
import type { Ctx } from '../../core/context.js';
import { invalid, notFound } from '../../core/errors.js';
import { pathInScope } from '../../core/scope.js';
import { rows } from '../../core/sql.js';

/** Names of people by id (for presenting inspectors). */
export async function peopleNames(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
  const uniq = [...new Set(ids)];
  if (!uniq.length) return new Map();
  const list = await rows(
    db,
    sql`select id, display_name from users where id in ${sql`(${sql.join(
      uniq.map((i) => sql`${i}`),
      sql`, `,
    )})`}`,
  );
  return new Map(list.map((p) => [p.id, p.display_name]));
}

/** Roles in a station's inspector pool (the people the double-random draw chooses from). */
export const INSPECTION_POOL_ROLES = sql`('inspector','station_head')`;

/**
 * Refuse inspectors outside the station's pool (active inspectors and heads of that station), and
 * name none of them: an id of another county's inspector or a coordinator must not echo a name.
 */
export async function assertInspectorPool(db: DbOrTx, stationId: number, ids: number[]) {
  const uniq = [...new Set(ids)];
  if (!uniq.length) return;
  const ok = await rows(
    db,
    sql`select id from users where jurisdiction_id = ${stationId} and active and role in ${INSPECTION_POOL_ROLES} and id in (${sql.join(
      uniq.map((i) => sql`${i}`),
      sql`, `,
    )})`,
  );
  if (ok.length !== uniq.length)
    throw invalid('检查人员须为该监管所在岗的检查人员', [{ path: 'inspectorIds', message: '须为该监管所在岗的检查人员' }]);
}

/** An inspection's station and status if the actor may see it, else 404 (never "exists but not yours"). */
export async function visibleInspection(ctx: Pick<Ctx, 'db' | 'actor'>, id: number) {
  const [r] = await rows<{
    status: InspectionStatus;
    jurisdiction_id: number;
    path: string;
    inspector_ids: number[] | null;
    plan_task_id: number | null;
    version: number;
  }>(
    ctx.db,
    sql`select i.status, i.jurisdiction_id, i.inspector_ids, i.plan_task_id, i.version, j.path from inspections i join jurisdictions j on j.id = i.jurisdiction_id where i.id = ${id}`,
  );
  if (!r || !pathInScope(ctx.actor, r.path)) throw notFound('检查记录');
  return r;
}
