import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { isoTimestamp } from '../../../../../contracts/calendar.js';
import type { SubmissionBox, SubmissionContent, SubmissionListItem, SubmissionStatus } from '../../../../../contracts/submissions.js';
import { jurisdictions, reportSubmissions } from '../../../../../db/schema/index.js';
import type { Ctx } from '../../../../core/context.js';
import { scopeWhere } from '../../../../core/scope.js';
import { bureauUnits, currentCampaign, type BureauUnit, type CurrentCampaign } from '../../../campaigns/public.js';
import { recipientUnit } from '../obligations.js';
import { dueAtOf, isLate } from '../presenter.js';
import { factsOf, maySee } from '../queries.js';
import { submissionWorkflow } from '../workflow.js';

const BOX_ACTIONS: Record<Exclude<SubmissionBox, 'all' | 'mine'>, string[]> = { approve: ['approve', 'reject'], receive: ['accept', 'return'] };

/**
 * 报送 lists: mine (the caller's unit), to approve (审核 now possible for the caller), to receive
 * (受理 now possible), or all the caller may see; newest first, at most 500.
 */
export async function listSubmissions(
  ctx: Ctx,
  q: { box: SubmissionBox; campaignId?: number; status?: SubmissionStatus },
): Promise<SubmissionListItem[]> {
  const where: SQL[] = [
    or(scopeWhere(ctx.actor, { jurisdiction: reportSubmissions.jurisdictionId }), eq(reportSubmissions.orgUnitId, ctx.actor.orgUnitId))!,
  ];
  if (q.box === 'mine') where.push(eq(reportSubmissions.orgUnitId, ctx.actor.orgUnitId));
  if (q.box === 'approve') where.push(sql`${reportSubmissions.status} in ('unit_review','leader_review')`);
  if (q.box === 'receive') where.push(eq(reportSubmissions.status, 'reported'));
  if (q.campaignId) where.push(eq(reportSubmissions.campaignId, q.campaignId));
  if (q.status) where.push(eq(reportSubmissions.status, q.status));
  const rows = await ctx.db
    .select({ row: reportSubmissions, path: jurisdictions.path })
    .from(reportSubmissions)
    .innerJoin(jurisdictions, eq(jurisdictions.id, reportSubmissions.jurisdictionId))
    .where(and(...where))
    .orderBy(desc(reportSubmissions.updatedAt), desc(reportSubmissions.id))
    .limit(500);
  const campaigns = new Map<number, { c: CurrentCampaign; units: BureauUnit[] }>();
  const out: SubmissionListItem[] = [];
  for (const { row, path } of rows) {
    let entry = campaigns.get(row.campaignId);
    if (!entry) {
      const c = await currentCampaign(ctx.db, row.campaignId);
      entry = { c, units: await bureauUnits(ctx.db, c.jurisdictionId) };
      campaigns.set(row.campaignId, entry);
    }
    const o = entry.c.definition.obligations.find((x) => x.key === row.obligationKey);
    if (!o) continue;
    const recipient = recipientUnit(o, entry.units);
    if (!maySee(ctx.actor, path, row.orgUnitId, recipient)) continue;
    if (q.box === 'approve' || q.box === 'receive') {
      const actions = submissionWorkflow.actionsFor(ctx.actor, row.status as SubmissionStatus, factsOf(ctx.actor, { row, path, campaign: entry.c, obligation: o, recipient }));
      if (!actions.some((a) => BOX_ACTIONS[q.box as 'approve' | 'receive'].includes(a))) continue;
    }
    out.push({
      id: row.id,
      campaignId: row.campaignId,
      campaignName: entry.c.name,
      obligationKey: row.obligationKey,
      obligationLabel: o.label,
      formType: o.form.type,
      dueDate: row.dueDate,
      dueAt: dueAtOf(o, row.dueDate),
      orgUnitId: row.orgUnitId,
      orgUnitName: entry.units.find((u) => u.id === row.orgUnitId)?.name ?? '',
      status: row.status as SubmissionStatus,
      title: (row.content as SubmissionContent).title ?? null,
      firstReportedAt: isoTimestamp(row.firstReportedAt),
      late: isLate(o, row),
      updatedAt: isoTimestamp(row.updatedAt),
    });
  }
  return out;
}
