import { eq } from 'drizzle-orm';
import { addDays, periodOf } from '../../../../contracts/calendar.js';
import type { CampaignDefinition, Obligation, StatTable } from '../../../../contracts/campaigns.js';
import type { DbOrTx } from '../../../../db/client.js';
import { jurisdictions, reportSubmissions } from '../../../../db/schema/index.js';
import type { Actor, Ctx } from '../../../core/context.js';
import { AppError, notFound } from '../../../core/errors.js';
import { pathInScope } from '../../../core/scope.js';
import { bureauUnits, currentCampaign, type BureauUnit, type CurrentCampaign } from '../../campaigns/public.js';
import { recipientUnit } from './obligations.js';
import type { SubmissionFacts } from './workflow.js';

export type SubmissionRow = typeof reportSubmissions.$inferSelect;

/** A submission with what its rules need: the campaign's definition, the obligation, the units concerned. */
export interface SubmissionContext {
  row: SubmissionRow;
  path: string;
  campaign: CurrentCampaign;
  obligation: Obligation;
  table: StatTable | null;
  units: BureauUnit[];
  unit: BureauUnit | null;
  recipient: BureauUnit | null;
}

export function findObligation(def: CampaignDefinition, key: string): Obligation {
  const o = def.obligations.find((x) => x.key === key);
  if (!o) throw new AppError('NOT_FOUND', `报送事项“${key}”不存在`, 404);
  return o;
}

/** The statistical table an obligation's form names (table and risk-list forms). */
export function tableOf(def: CampaignDefinition, o: Obligation): StatTable | null {
  if (!o.form.table || (o.form.type !== 'table' && o.form.type !== 'risk_list')) return null;
  return def.tables.find((t) => t.key === o.form.table) ?? null;
}

/** Narrative forms: sections typed by the unit. */
export const isNarrative = (o: Obligation) => o.form.type === 'narrative' || o.form.type === 'typical_case';

/** May the actor see submissions of this unit: their area covers it, it is their unit, or their unit receives it. */
export function maySee(actor: Actor, path: string, orgUnitId: number, recipient: BureauUnit | null): boolean {
  return pathInScope(actor, path) || actor.orgUnitId === orgUnitId || (!!recipient && actor.orgUnitId === recipient.id);
}

/** Load a submission the caller may see (else 404), with its context. */
export async function loadSubmission(ctx: Ctx, id: number, db: DbOrTx = ctx.db, lock = false): Promise<SubmissionContext> {
  const q = db
    .select({ row: reportSubmissions, path: jurisdictions.path })
    .from(reportSubmissions)
    .innerJoin(jurisdictions, eq(jurisdictions.id, reportSubmissions.jurisdictionId))
    .where(eq(reportSubmissions.id, id));
  const [found] = lock ? await q.for('update', { of: reportSubmissions }) : await q;
  if (!found) throw notFound('报送');
  const campaign = await currentCampaign(db, found.row.campaignId);
  const obligation = campaign.definition.obligations.find((o) => o.key === found.row.obligationKey);
  if (!obligation) throw notFound('报送');
  const units = await bureauUnits(db, campaign.jurisdictionId);
  const recipient = recipientUnit(obligation, units);
  if (!maySee(ctx.actor, found.path, found.row.orgUnitId, recipient)) throw notFound('报送');
  return {
    row: found.row,
    path: found.path,
    campaign,
    obligation,
    table: tableOf(campaign.definition, obligation),
    units,
    unit: units.find((u) => u.id === found.row.orgUnitId) ?? null,
    recipient,
  };
}

/** The facts the workflow decides on, for the caller. */
export function factsOf(actor: Actor, sc: Pick<SubmissionContext, 'row' | 'path' | 'campaign' | 'obligation' | 'recipient'>): SubmissionFacts {
  const review = sc.obligation.review ?? [];
  const ownUnit = actor.orgUnitId === sc.row.orgUnitId;
  const bureauLeader = (actor.role === 'leader' || actor.role === 'admin') && pathInScope(actor, sc.campaign.jurisdictionPath);
  return {
    reviewHead: review.includes('unit_head'),
    reviewLeader: review.includes('leader'),
    ownUnit,
    isDrafter: sc.row.draftedBy === actor.id,
    isUnitHead: ownUnit || (bureauLeader && pathInScope(actor, sc.path)),
    isRecipient:
      !ownUnit &&
      (sc.recipient
        ? actor.orgUnitId === sc.recipient.id || bureauLeader
        : bureauLeader || (actor.role === 'office' && pathInScope(actor, sc.campaign.jurisdictionPath))),
  };
}

/**
 * The day whose period a submission's table covers: a monthly or quarterly report due early in a
 * period (每月5日前, 每季度第一个月1日前) reports the period before; others the period of the due date.
 */
export function dataDate(table: StatTable, due: string | null, today: string): string {
  const day = due ?? today;
  if (table.period !== 'month' && table.period !== 'quarter') return day;
  const p = periodOf(table.period, day);
  const monthStart = periodOf('month', day).from;
  return p.from === monthStart && Number(day.slice(8, 10)) <= 10 ? addDays(p.from, -1) : day;
}
