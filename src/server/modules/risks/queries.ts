import { sql, type SQL } from 'drizzle-orm';
import { can, type Role } from '../../../contracts/permissions.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor, Ctx } from '../../core/context.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { pathInScope, scopeWhere } from '../../core/scope.js';
import { rows } from '../../core/sql.js';

/** Rows of `alias` the actor may see (by the record's jurisdiction). */
export const areaOf = (actor: Actor, alias: string): SQL => scopeWhere(actor, { jurisdiction: sql.raw(`${alias}.jurisdiction_id`) });

const idList = (ids: number[]) =>
  sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  );
export const inList = (ids: number[]) => sql`(${idList(ids)})`;

/** The columns a risk is presented with (alias r). */
export const RISK_COLUMNS = sql`r.id, r.jurisdiction_id, j.name as station_name, r.channel, r.source_type, r.source_id, r.category, r.product_tags,
  r.title, r.description, r.level, r.control_measure, r.owner_id, o.display_name as owner_name, r.deadline::text as deadline,
  r.found_on::text as found_on, r.status, r.closure_note, r.closed_by, c.display_name as closed_by_name, r.closed_on::text as closed_on, r.version,
  (select coalesce(json_agg(json_build_object('id', e.id, 'name', e.name) order by e.name), '[]'::json)
     from risk_entities re join entities e on e.id = re.entity_id where re.risk_id = r.id) as entities`;
export const RISK_FROM = sql`risks r join jurisdictions j on j.id = r.jurisdiction_id join users o on o.id = r.owner_id left join users c on c.id = r.closed_by`;

export interface RiskRow {
  id: number;
  jurisdiction_id: number;
  station_name: string;
  channel: string;
  source_type: string | null;
  source_id: number | null;
  category: string;
  product_tags: string[] | null;
  title: string;
  description: string;
  level: string;
  control_measure: string | null;
  owner_id: number;
  owner_name: string;
  deadline: string;
  found_on: string;
  status: string;
  closure_note: string | null;
  closed_by: number | null;
  closed_by_name: string | null;
  closed_on: string | null;
  version: number;
  entities: { id: number; name: string }[];
}

/** A risk the actor may see, or 404 (another area's risk is never "exists but not yours"). */
export async function visibleRisk(ctx: Pick<Ctx, 'db' | 'actor'>, id: number, db: DbOrTx = ctx.db): Promise<RiskRow> {
  const [r] = await rows<RiskRow>(db, sql`select ${RISK_COLUMNS} from ${RISK_FROM} where r.id = ${id} and ${areaOf(ctx.actor, 'r')}`);
  if (!r) throw notFound('风险隐患');
  return r;
}

/** Whether evidence is attached to the risk (core/files, record type 'risk'). */
export async function hasEvidence(db: DbOrTx, id: number) {
  const [r] = await rows(db, sql`select 1 from file_attachments where record_type = 'risk' and record_id = ${id} limit 1`);
  return !!r;
}

const HOLDER_LEVELS = ['station', 'county', 'city'];

/**
 * The jurisdiction whose register or meetings a record belongs to: the caller's own unless given;
 * it must lie in the caller's area and be a station, county or city (not a township or village).
 */
export async function holderJurisdiction(db: DbOrTx, actor: Actor, jurisdictionId?: number) {
  const [j] = await rows<{ id: number; path: string; level: string; name: string }>(
    db,
    sql`select id, path, level, name from jurisdictions where id = ${jurisdictionId ?? actor.jurisdictionId}`,
  );
  if (!j || !pathInScope(actor, j.path))
    throw invalid('所属辖区不存在或不在本人辖区内', [{ path: 'jurisdictionId', message: '不在本人辖区内' }]);
  if (!HOLDER_LEVELS.includes(j.level))
    throw invalid('风险清单和会商记录须归属监管所、县级局或市级局', [{ path: 'jurisdictionId', message: '须为监管所、县或市' }]);
  return j;
}

/**
 * The owner (责任人) must be an active person who may manage risks, in the risk's area or above it in
 * the same line (a bureau person may own a station's risk). Names nobody on refusal.
 */
export async function assertOwner(db: DbOrTx, riskPath: string, ownerId: number) {
  const [u] = await rows<{ role: Role; path: string }>(
    db,
    sql`select u.role, j.path from users u join jurisdictions j on j.id = u.jurisdiction_id where u.id = ${ownerId} and u.active`,
  );
  const related = !!u && (u.path.startsWith(riskPath) || riskPath.startsWith(u.path));
  if (!u || !related || !can(u.role, 'risks.manage'))
    throw invalid('责任人须为本辖区在岗的监管人员', [{ path: 'ownerId', message: '须为本辖区在岗的监管人员' }]);
}

/** A person of the meeting's area who follows an item up (same rule as an owner). */
export const assertFollowUp = assertOwner;

/** The units concerned: each must exist inside the risk's area (unknown or another area's unit → 400). */
export async function assertEntities(db: DbOrTx, riskPath: string, entityIds: number[]) {
  const uniq = [...new Set(entityIds)];
  if (!uniq.length) return [];
  const found = await rows<{ id: number; name: string; jurisdiction_id: number; kind: string }>(
    db,
    sql`select e.id, e.name, e.jurisdiction_id, e.kind from entities e join jurisdictions j on j.id = e.jurisdiction_id
        where e.id in ${inList(uniq)} and j.path like ${riskPath + '%'}`,
  );
  if (found.length !== uniq.length)
    throw new AppError('UNKNOWN_ENTITY', '涉及单位不存在或不在本辖区内', 400, [{ path: 'entityIds', message: '单位不存在或不在本辖区内' }]);
  return found;
}
