import { and, eq } from 'drizzle-orm';
import type { CampaignDefinition } from '../../../../../contracts/campaigns.js';
import type { CreateSubmissionInput, SubmissionContent, SubmissionView } from '../../../../../contracts/submissions.js';
import { jurisdictions, reportSubmissions } from '../../../../../db/schema/index.js';
import { audit } from '../../../../core/audit.js';
import type { Ctx } from '../../../../core/context.js';
import { AppError, forbidden } from '../../../../core/errors.js';
import { bureauUnits, getCampaignRow } from '../../../campaigns/public.js';
import { workCalendar } from '../../../calendar/public.js';
import { campaignEvents, eventDueDates } from '../events.js';
import { obligationDueDates, submitterUnits } from '../obligations.js';
import { prefillSections } from '../prefill.js';
import { presentSubmissionById } from '../presenter.js';
import { findObligation, isNarrative } from '../queries.js';

/**
 * Start the unit's report for one due date of an obligation (or an ad-hoc item): a draft by the
 * unit's liaison, narrative sections prefilled where figures fit. One per due date and unit (409).
 */
export async function createSubmission(ctx: Ctx, input: CreateSubmissionInput): Promise<SubmissionView> {
  const campaign = await getCampaignRow(ctx.db, ctx.actor, input.campaignId);
  const def = campaign.definition as CampaignDefinition;
  const o = findObligation(def, input.obligationKey);
  if (o.form.type === 'liaison') throw new AppError('FORM_NOT_SUPPORTED', '联络员报名表请在专项行动的“联络员”中填报', 400);
  const orgUnitId = input.orgUnitId ?? ctx.actor.orgUnitId;
  if (orgUnitId !== ctx.actor.orgUnitId) throw forbidden('只能起草本单位的报送');
  const units = await bureauUnits(ctx.db, campaign.jurisdictionId);
  const unit = submitterUnits(o, units).find((u) => u.id === orgUnitId);
  if (!unit) throw new AppError('NOT_A_SUBMITTER', `本单位不是“${o.label}”的报送单位`, 400);
  const [area] = await ctx.db.select({ path: jurisdictions.path }).from(jurisdictions).where(eq(jurisdictions.id, unit.jurisdictionId));
  if (o.rule.adHoc) {
    if (input.dueDate) throw new AppError('PERIOD_OUTSIDE_CAMPAIGN', `“${o.label}”随时报送，没有报送日期`, 400);
  } else {
    // An event-triggered obligation is due after the events in the unit's area (发现重大问题后N小时内).
    const dates =
      o.rule.type === 'event'
        ? eventDueDates(def, o, await campaignEvents(ctx.db, def, area.path), area.path)
        : obligationDueDates(def, o, await workCalendar(ctx.db));
    if (!input.dueDate || !dates.some((d) => d.date === input.dueDate))
      throw new AppError(
        'PERIOD_OUTSIDE_CAMPAIGN',
        input.dueDate ? `${input.dueDate}不是“${o.label}”在专项行动期间的报送日期` : `请选择“${o.label}”的报送日期`,
        400,
        [{ path: 'dueDate', message: '不是该事项的报送日期' }],
      );
  }
  const content: SubmissionContent = isNarrative(o)
    ? { sections: await prefillSections(ctx, def, o, { path: area.path, name: unit.name }, input.dueDate ?? null) }
    : { cells: {} };
  const id = await ctx.db.transaction(async (tx) => {
    if (input.dueDate) {
      const [dup] = await tx
        .select({ id: reportSubmissions.id })
        .from(reportSubmissions)
        .where(
          and(
            eq(reportSubmissions.campaignId, campaign.id),
            eq(reportSubmissions.obligationKey, o.key),
            eq(reportSubmissions.dueDate, input.dueDate),
            eq(reportSubmissions.orgUnitId, orgUnitId),
          ),
        );
      if (dup) throw new AppError('CONFLICT', `本单位${input.dueDate}的“${o.label}”已有报送`, 409, { id: dup.id });
    }
    const [row] = await tx
      .insert(reportSubmissions)
      .values({
        campaignId: campaign.id,
        obligationKey: o.key,
        dueDate: input.dueDate ?? null,
        orgUnitId,
        jurisdictionId: unit.jurisdictionId,
        content,
        draftedBy: ctx.actor.id,
      })
      .returning();
    await audit(tx, ctx, {
      action: 'report_submission.create',
      entityType: 'report_submission',
      entityId: row.id,
      jurisdictionId: row.jurisdictionId,
      summary: `起草报送：${unit.name}“${o.label}”${input.dueDate ? `（${input.dueDate}）` : ''}`,
      after: { campaignId: campaign.id, obligationKey: o.key, dueDate: row.dueDate, orgUnitId, status: row.status },
    });
    return row.id;
  });
  return presentSubmissionById(ctx, id);
}
