import { sql } from 'drizzle-orm';
import { ROLE_PERMISSIONS, ROLES } from '../../../contracts/permissions.js';
import type { SamplingStatus } from '../../../contracts/sampling.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor, Ctx } from '../../core/context.js';
import { invalid, notFound } from '../../core/errors.js';
import { pathInScope } from '../../core/scope.js';
import { rows } from '../../core/sql.js';

/** Roles that may be named as samplers (those who record samples). */
export const SAMPLER_ROLES = ROLES.filter((r) => r !== 'admin' && ROLE_PERMISSIONS[r].includes('sampling.record'));
const samplerRoles = sql.join(
  SAMPLER_ROLES.map((r) => sql`${r}`),
  sql`, `,
);

/** A sampling record's area, state and version if the actor may see it, else 404. */
export async function visibleRecord(ctx: Pick<Ctx, 'db' | 'actor'>, id: number, db: DbOrTx = ctx.db) {
  const [r] = await rows<{
    id: number;
    status: SamplingStatus;
    jurisdiction_id: number;
    entity_id: number;
    path: string;
    version: number;
  }>(
    db,
    sql`select s.id, s.status, s.jurisdiction_id, s.entity_id, s.version, j.path from sampling_records s join jurisdictions j on j.id = s.jurisdiction_id where s.id = ${id}`,
  );
  if (!r || !pathInScope(ctx.actor, r.path)) throw notFound('抽样记录');
  return r;
}

/**
 * A plan is seen by people of its area and by those of the stations below it (a station samples
 * against its bureau's plan); managed only by those whose area contains it.
 */
export function planVisible(actor: Actor, planPath: string) {
  return pathInScope(actor, planPath) || actor.jurisdictionPath.startsWith(planPath);
}

export async function visiblePlan(ctx: Pick<Ctx, 'db' | 'actor'>, id: number, db: DbOrTx = ctx.db) {
  const [p] = await rows<{ id: number; jurisdiction_id: number; path: string; version: number; level: string; year: number }>(
    db,
    sql`select p.id, p.jurisdiction_id, p.version, p.level, p.year, j.path from sampling_plans p join jurisdictions j on j.id = p.jurisdiction_id where p.id = ${id}`,
  );
  if (!p || !planVisible(ctx.actor, p.path)) throw notFound('抽检计划');
  return p;
}

/** SQL condition: plans the actor may see (alias p, its jurisdiction j). */
export function planScopeSql(actor: Actor) {
  if (actor.scope === 'all') return sql`true`;
  return sql`(j.path like ${actor.jurisdictionPath + '%'} or ${actor.jurisdictionPath} like j.path || '%')`;
}

/** A unit in the actor's area (else 400 naming nothing): its station and path. */
export async function entityInArea(ctx: Pick<Ctx, 'db' | 'actor'>, entityId: number, db: DbOrTx = ctx.db) {
  const [e] = await rows<{ id: number; name: string; jurisdiction_id: number; path: string }>(
    db,
    sql`select e.id, e.name, e.jurisdiction_id, j.path from entities e join jurisdictions j on j.id = e.jurisdiction_id where e.id = ${entityId}`,
  );
  if (!e || !pathInScope(ctx.actor, e.path))
    throw invalid('被抽样单位不在本辖区', [{ path: 'entityId', message: '被抽样单位须为本辖区的监管对象' }]);
  return e;
}

/** The county bureau a unit belongs to (its numbering office): the deepest county-level jurisdiction above it. */
export async function bureauOf(db: DbOrTx, path: string, fallback: number): Promise<number> {
  const [b] = await rows<{ id: number }>(
    db,
    sql`select id from jurisdictions where level = 'county' and ${path} like path || '%' order by depth desc limit 1`,
  );
  return b?.id ?? fallback;
}

/** People who may sample at a unit: active sampling staff whose area contains the unit. */
export async function samplerOptions(db: DbOrTx, entityPath: string) {
  return rows<{ id: number; name: string; unit_name: string }>(
    db,
    sql`select u.id, u.display_name as name, coalesce(o.name, '') as unit_name from users u join jurisdictions j on j.id = u.jurisdiction_id
        left join org_units o on o.id = u.org_unit_id
        where u.active and u.role in (${samplerRoles}) and ${entityPath} like j.path || '%' order by j.depth desc, u.display_name limit 500`,
  );
}

/** Refuse samplers who are not sampling staff of the unit's area (naming none of them). */
export async function assertSamplers(db: DbOrTx, entityPath: string, ids: number[]) {
  const uniq = [...new Set(ids)];
  if (uniq.length < 2) throw invalid('抽样人员不得少于2人', [{ path: 'samplerIds', message: '抽样人员不得少于2人' }]);
  const ok = await rows(
    db,
    sql`select u.id from users u join jurisdictions j on j.id = u.jurisdiction_id
        where u.active and u.role in (${samplerRoles}) and ${entityPath} like j.path || '%' and u.id in (${sql.join(
          uniq.map((i) => sql`${i}`),
          sql`, `,
        )})`,
  );
  if (ok.length !== uniq.length)
    throw invalid('抽样人员须为本辖区在岗的抽样人员', [{ path: 'samplerIds', message: '须为本辖区在岗的抽样人员' }]);
}

/** A plan line a record may count for: of a plan above (or at) the unit, of the sampling year and the product category. */
export async function assertPlanLine(db: DbOrTx, lineId: number, entityPath: string, year: number, category: string) {
  const [l] = await rows<{ category: string; year: number; path: string }>(
    db,
    sql`select l.category, p.year, j.path from sampling_plan_lines l join sampling_plans p on p.id = l.plan_id join jurisdictions j on j.id = p.jurisdiction_id where l.id = ${lineId}`,
  );
  if (!l || !entityPath.startsWith(l.path))
    throw invalid('计划品种不存在或不适用于该单位', [{ path: 'planLineId', message: '计划品种不存在或不适用于该单位' }]);
  if (l.year !== year) throw invalid('计划品种的年度与抽样日期不符', [{ path: 'planLineId', message: '计划年度与抽样日期不符' }]);
  if (l.category !== category) throw invalid('计划品种的产品类别与所抽产品不符', [{ path: 'planLineId', message: '产品类别不符' }]);
}

/** Names of people by id. */
export async function peopleNames(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
  const uniq = [...new Set(ids)];
  if (!uniq.length) return new Map();
  const list = await rows<{ id: number; display_name: string }>(
    db,
    sql`select id, display_name from users where id in (${sql.join(
      uniq.map((i) => sql`${i}`),
      sql`, `,
    )})`,
  );
  return new Map(list.map((p) => [p.id, p.display_name]));
}
