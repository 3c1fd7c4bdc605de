import { eq } from 'drizzle-orm';
import {
  SUBMISSION_ACTIONS,
  type SubmissionContent,
  type SubmissionStatus,
  type SubmissionTransitionInput,
  type SubmissionView,
} from '../../../../../contracts/submissions.js';
import { reportSubmissions } from '../../../../../db/schema/index.js';
import type { Ctx } from '../../../../core/context.js';
import { AppError } from '../../../../core/errors.js';
import { filesOf } from '../../../../core/files/index.js';
import { assertVersion, updateVersioned } from '../../../../core/versions.js';
import { currentBrief, presentSubmissionById } from '../presenter.js';
import { factsOf, loadSubmission } from '../queries.js';
import { checksOf, previousAccepted, submissionTable } from '../table.js';
import { submissionWorkflow, type SubmissionFacts } from '../workflow.js';

/** Refusals with their own words, before the workflow table's generic ones. */
function assertRules(action: SubmissionTransitionInput['action'], status: string, facts: SubmissionFacts) {
  if ((action === 'approve' || action === 'reject') && (status === 'unit_review' || status === 'leader_review') && facts.isDrafter)
    throw new AppError('SELF_APPROVAL', '不能审核自己起草的报送，须由单位负责人或分管局领导审核', 403);
}

/**
 * 提交审核 / 审核通过 / 审核退回 / 受理 / 退回 / 撤回. Submitting checks the content first (a
 * narrative section below its minimum: 400 NARRATIVE_TOO_SHORT; a cumulative typed value below the
 * last accepted report: 400 CUMULATIVE_DECREASE). The step into 已上报 freezes the table (live
 * values computed before the transaction, stored as the snapshot, never recomputed); acceptance
 * needs the stamped scan when the obligation asks for one; a return (or 审核退回, or 撤回) opens it
 * for editing again. The state is re-read under a row lock; change and audit row in one transaction.
 */
export async function transitionSubmission(ctx: Ctx, id: number, input: SubmissionTransitionInput): Promise<SubmissionView> {
  const sc = await loadSubmission(ctx, id);
  await assertVersion(sc.row.version, input.version, () => presentSubmissionById(ctx, id));
  const reason = input.reason?.trim() || null;
  const facts = factsOf(ctx.actor, sc);
  const status = sc.row.status as SubmissionStatus;
  assertRules(input.action, status, facts);
  const t = submissionWorkflow.take(ctx.actor, input.action, status, { facts, note: reason });

  const content = sc.row.content as SubmissionContent;
  let snapshot = sc.row.snapshot;
  if (input.action === 'submit') {
    const table = await submissionTable(ctx, sc);
    const errors = checksOf(sc.obligation, content, table, await previousAccepted(ctx.db, sc)).filter((c) => c.level === 'error');
    const short = errors.find((e) => e.row === null && !e.rule);
    if (short) throw new AppError('NARRATIVE_TOO_SHORT', short.message, 400, [{ path: `sections.${short.column}`, message: short.message }]);
    const rules = errors.filter((e) => e.rule);
    if (rules.length)
      throw new AppError(
        'ROW_CHECK_FAILED',
        `表格校验未通过：${rules.map((e) => e.message).join('；')}`,
        400,
        rules.map((e) => ({ path: `cells.${e.row}.${e.column}`, message: e.message })),
      );
    if (errors.length)
      throw new AppError(
        'CUMULATIVE_DECREASE',
        errors.map((e) => e.message).join('；'),
        400,
        errors.map((e) => ({ path: `cells.${e.row}.${e.column}`, message: e.message })),
      );
  }
  if (t.to === 'reported' && !snapshot) snapshot = await submissionTable(ctx, sc);
  if (input.action === 'accept' && sc.obligation.stampedScan && !((await filesOf(ctx.db, 'report_submission', [id])).get(id) ?? []).length)
    throw new AppError('SCAN_MISSING', '该报送须附盖章扫描件，报送单位上传后才能受理', 409);

  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(reportSubmissions).where(eq(reportSubmissions.id, id)).for('update');
    await submissionWorkflow.apply(tx, ctx, {
      action: input.action,
      state: before.status as SubmissionStatus,
      facts: { ...facts, isDrafter: before.draftedBy === ctx.actor.id },
      note: reason,
      change: (to) => {
        const now = new Date();
        const set =
          to === 'reported'
            ? { snapshot, reportedAt: now, firstReportedAt: before.firstReportedAt ?? now, returnReason: null }
            : to === 'accepted'
              ? { acceptedAt: now, acceptedBy: ctx.actor.id }
              : to === 'returned'
                ? { snapshot: null, returnReason: reason }
                : to === 'draft'
                  ? { snapshot: null }
                  : {};
        return updateVersioned(tx, reportSubmissions, id, input.version, { ...set, status: to, updatedAt: now }, () => currentBrief(tx, id));
      },
      audit: {
        action: `report_submission.${input.action}`,
        entityType: 'report_submission',
        entityId: id,
        jurisdictionId: before.jurisdictionId,
        summary: `${SUBMISSION_ACTIONS[input.action]}：${sc.unit?.name ?? ''}“${sc.obligation.label}”${before.dueDate ? `（${before.dueDate}）` : ''}${reason ? `（${reason}）` : ''}`,
        before: { status: before.status, returnReason: before.returnReason },
        after: (x) => ({ status: x.status, returnReason: x.returnReason, reason, frozen: !!x.snapshot }),
      },
    });
  });
  return presentSubmissionById(ctx, id);
}
