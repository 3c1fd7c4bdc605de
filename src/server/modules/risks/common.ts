import { eq, sql, type SQL } from 'drizzle-orm';
import type { CommonRiskView, ListCommonRisksQuery, RiskCategory, RiskStatus } from '../../../contracts/risks.js';
import { isoTimestamp } from '../../../contracts/calendar.js';
import type { DbOrTx, Tx } from '../../../db/client.js';
import { commonRiskEntities, commonRiskMembers } from '../../../db/schema/index.js';
import type { Ctx } from '../../core/context.js';
import { invalid, notFound } from '../../core/errors.js';
import { rows } from '../../core/sql.js';
import { findingForRisk } from '../inspections/public.js';
import { areaOf, inList } from './queries.js';
import { can } from '../../../contracts/permissions.js';

/**
 * The members of a common risk (共性风险隐患): risks of the register and inspection findings, each
 * inside the common risk's area (else 400, naming nothing); its units are the members' units.
 */
export async function resolveMembers(
  tx: DbOrTx,
  ctx: Pick<Ctx, 'db' | 'actor'>,
  holderPath: string,
  riskIds: number[],
  findingIds: number[],
) {
  const rIds = [...new Set(riskIds)];
  const fIds = [...new Set(findingIds)];
  const found = rIds.length
    ? await rows<{ id: number; jurisdiction_id: number }>(
        tx,
        sql`select r.id, r.jurisdiction_id from risks r join jurisdictions j on j.id = r.jurisdiction_id
            where r.id in ${inList(rIds)} and j.path like ${holderPath + '%'} and ${areaOf(ctx.actor, 'r')}`,
      )
    : [];
  if (found.length !== rIds.length)
    throw invalid('所选风险隐患不存在或不在本辖区内', [{ path: 'riskIds', message: '风险隐患不存在或不在本辖区内' }]);
  const findings = [];
  for (const id of fIds) {
    const f = await findingForRisk(ctx, id, tx).catch(() => null);
    const [inside] = f
      ? await rows(tx, sql`select 1 from jurisdictions where id = ${f.jurisdictionId} and path like ${holderPath + '%'}`)
      : [];
    if (!f || !inside) throw invalid('所选检查问题不存在或不在本辖区内', [{ path: 'findingIds', message: '检查问题不存在或不在本辖区内' }]);
    findings.push(f);
  }
  const riskUnits = rIds.length
    ? await rows<{ entity_id: number; jurisdiction_id: number }>(
        tx,
        sql`select distinct re.entity_id, re.jurisdiction_id from risk_entities re where re.risk_id in ${inList(rIds)}`,
      )
    : [];
  const units = new Map<number, number>();
  for (const u of riskUnits) units.set(u.entity_id, u.jurisdiction_id);
  for (const f of findings) units.set(f.entityId, f.jurisdictionId);
  return { risks: found, findings, units };
}

/** Replace the members and units of a common risk. */
export async function writeMembers(tx: Tx, commonRiskId: number, jurisdictionId: number, m: Awaited<ReturnType<typeof resolveMembers>>) {
  await tx.delete(commonRiskMembers).where(eq(commonRiskMembers.commonRiskId, commonRiskId));
  await tx.delete(commonRiskEntities).where(eq(commonRiskEntities.commonRiskId, commonRiskId));
  const members = [
    ...m.risks.map((r) => ({ commonRiskId, jurisdictionId, riskId: r.id, findingId: null })),
    ...m.findings.map((f) => ({ commonRiskId, jurisdictionId, riskId: null, findingId: f.id })),
  ];
  if (members.length) await tx.insert(commonRiskMembers).values(members);
  if (m.units.size)
    await tx.insert(commonRiskEntities).values([...m.units].map(([entityId, jId]) => ({ commonRiskId, entityId, jurisdictionId: jId })));
}

interface CommonRow {
  id: number;
  jurisdiction_id: number;
  station_name: string;
  title: string;
  category: RiskCategory;
  analysis: string | null;
  control_measure: string;
  removed: boolean;
  removed_on: string | null;
  created_at: string | Date;
  version: number;
  risks: { id: number; title: string; status: RiskStatus }[];
  findings: { id: number; inspectionId: number; description: string }[];
  entities: { id: number; name: string }[];
}

const COMMON_COLUMNS = sql`c.id, c.jurisdiction_id, j.name as station_name, c.title, c.category, c.analysis, c.control_measure, c.removed,
  c.removed_on::text as removed_on, c.created_at, c.version,
  (select coalesce(json_agg(json_build_object('id', r.id, 'title', r.title, 'status', r.status) order by r.id), '[]'::json)
     from common_risk_members m join risks r on r.id = m.risk_id where m.common_risk_id = c.id) as risks,
  (select coalesce(json_agg(json_build_object('id', f.id, 'inspectionId', f.inspection_id, 'description', f.description) order by f.id), '[]'::json)
     from common_risk_members m join inspection_findings f on f.id = m.finding_id where m.common_risk_id = c.id) as findings,
  (select coalesce(json_agg(json_build_object('id', e.id, 'name', e.name) order by e.name), '[]'::json)
     from common_risk_entities ce join entities e on e.id = ce.entity_id where ce.common_risk_id = c.id) as entities`;

export async function selectCommonRisks(db: DbOrTx, where: ReturnType<typeof sql>, tail = sql``) {
  return rows<CommonRow>(
    db,
    sql`select ${COMMON_COLUMNS} from common_risks c join jurisdictions j on j.id = c.jurisdiction_id where ${where} ${tail}`,
  );
}

export function presentCommonRisk(ctx: Pick<Ctx, 'actor'>, c: CommonRow): CommonRiskView {
  return {
    id: c.id,
    jurisdictionId: c.jurisdiction_id,
    stationName: c.station_name,
    title: c.title,
    category: c.category,
    analysis: c.analysis,
    controlMeasure: c.control_measure,
    removed: c.removed,
    removedOn: c.removed_on,
    risks: c.risks ?? [],
    findings: c.findings ?? [],
    entities: c.entities ?? [],
    createdAt: isoTimestamp(c.created_at) ?? '',
    editable: can(ctx.actor.role, 'risks.manage'),
    version: c.version,
  };
}

/** A common risk the actor may see, or 404. */
export async function visibleCommonRisk(ctx: Pick<Ctx, 'db' | 'actor'>, id: number, db: DbOrTx = ctx.db) {
  const [c] = await selectCommonRisks(db, sql`c.id = ${id} and ${areaOf(ctx.actor, 'c')}`);
  if (!c) throw notFound('共性风险隐患');
  return c;
}

/** The common-risk list's filters inside the caller's area. */
export function commonFilter(ctx: Pick<Ctx, 'actor'>, q: Omit<ListCommonRisksQuery, 'page' | 'pageSize'>): SQL {
  const conds: SQL[] = [areaOf(ctx.actor, 'c')];
  if (q.stationId)
    conds.push(
      sql`c.jurisdiction_id = any(array(select s.id from jurisdictions s, jurisdictions p where p.id = ${q.stationId} and s.path like p.path || '%'))`,
    );
  if (q.removed) conds.push(sql`c.removed = ${q.removed === 'true'}`);
  return sql.join(conds, sql` and `);
}
