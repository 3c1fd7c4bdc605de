import { sql } from 'drizzle-orm';
import { daysBetween, shanghaiToday } from '../../../contracts/calendar.js';
import {
  RISK_SOURCE_LABELS,
  type RiskCategory,
  type RiskChannel,
  type RiskGrade,
  type RiskListItem,
  type RiskStatus,
  type RiskView,
} from '../../../contracts/risks.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Ctx } from '../../core/context.js';
import { filesOf } from '../../core/files/index.js';
import { rows } from '../../core/sql.js';
import { hasEvidence, inList, visibleRisk, type RiskRow } from './queries.js';
import { riskWorkflow } from './workflow.js';

/** A list row: state, owner, overdue days, and what the caller may do (evidence checked only in the detail). */
export function presentRiskItem(ctx: Pick<Ctx, 'actor'>, r: RiskRow, evidence = false, today = shanghaiToday()): RiskListItem {
  const status = r.status as RiskStatus;
  const days = status !== 'closed' ? daysBetween(r.deadline, today) : 0;
  return {
    id: r.id,
    jurisdictionId: r.jurisdiction_id,
    stationName: r.station_name,
    channel: r.channel as RiskChannel,
    source:
      r.source_type && r.source_id
        ? { type: r.source_type, id: r.source_id, label: RISK_SOURCE_LABELS[r.source_type] ?? '来源记录' }
        : null,
    category: r.category as RiskCategory,
    productTags: r.product_tags ?? [],
    title: r.title,
    level: r.level as RiskGrade,
    controlMeasure: r.control_measure,
    owner: { id: r.owner_id, name: r.owner_name },
    deadline: r.deadline,
    foundOn: r.found_on,
    status,
    overdue: days > 0,
    daysOverdue: Math.max(0, days),
    entities: r.entities ?? [],
    closureNote: r.closure_note,
    closedBy: r.closed_by ? { id: r.closed_by, name: r.closed_by_name ?? '' } : null,
    closedOn: r.closed_on,
    actions: riskWorkflow.actionsFor(ctx.actor, status, { isOwner: r.owner_id === ctx.actor.id, hasEvidence: evidence }),
    version: r.version,
  };
}

/** The risk's detail: evidence files, the common risks it belongs to, the consultations that discussed it. */
export async function presentRisk(ctx: Pick<Ctx, 'actor' | 'db'>, r: RiskRow, db: DbOrTx = ctx.db): Promise<RiskView> {
  const [files, commons, meetings, evidence] = await Promise.all([
    filesOf(db, 'risk', [r.id]),
    rows<{ id: number; title: string }>(
      db,
      sql`select c.id, c.title from common_risk_members m join common_risks c on c.id = m.common_risk_id where m.risk_id = ${r.id} order by c.id`,
    ),
    rows<{ id: number; held_on: string; topic: string; decision: string | null }>(
      db,
      sql`select c.id, c.held_on::text as held_on, i.topic, i.decision from consultation_item_links l
          join consultation_items i on i.id = l.item_id join consultations c on c.id = i.consultation_id
          where l.link_type = 'risk' and l.link_id = ${r.id} order by c.held_on, i.seq`,
    ),
    hasEvidence(db, r.id),
  ]);
  return {
    ...presentRiskItem(ctx, r, evidence),
    description: r.description,
    evidence: files.get(r.id) ?? [],
    commonRisks: commons,
    consultations: meetings.map((m) => ({ id: m.id, heldOn: m.held_on, topic: m.topic, decision: m.decision })),
  };
}

export async function presentRiskById(ctx: Pick<Ctx, 'actor' | 'db'>, id: number, db: DbOrTx = ctx.db) {
  return presentRisk(ctx, await visibleRisk(ctx, id, db), db);
}

/** Names of people by id. */
export async function peopleNames(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
  const uniq = [...new Set(ids)];
  if (!uniq.length) return new Map();
  const list = await rows<{ id: number; display_name: string }>(db, sql`select id, display_name from users where id in ${inList(uniq)}`);
  return new Map(list.map((p) => [p.id, p.display_name]));
}
