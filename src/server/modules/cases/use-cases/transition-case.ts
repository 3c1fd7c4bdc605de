import { eq } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import { CASE_ACTIONS, penaltyIssues, type CaseTransitionInput, type CaseView, type Penalty } from '../../../../contracts/cases.js';
import { cases } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { allocateNumber } from '../../../core/documents/index.js';
import { AppError, invalid } from '../../../core/errors.js';
import { staleVersion } from '../../../core/versions.js';
import { workCalendar } from '../../calendar/public.js';
import { decisionDue, publicationDue } from '../deadlines.js';
import { caseNumber } from '../filing.js';
import { presentCase } from '../presenter.js';
import { issuerOf, lockCase, visibleCase, type CaseRow } from '../queries.js';
import { CASE_AUDIT_ACTIONS, caseWorkflow } from '../workflow.js';
import { refreshCaseSummary } from '../summary.js';

type Change = Partial<typeof cases.$inferInsert>;

/**
 * One step of a case (workflow.ts), with what the step records: the case number and the 90 days on
 * 立案; the 事先告知 date; on 决定 the legal basis and fine checked again against the article table,
 * a decision date not before filing nor after today, the decision number and the publication
 * deadline (20 working days); the reason of 不予立案/不予处罚/撤销; the new deadline of an extension.
 */
export async function transitionCase(ctx: Ctx, id: number, input: CaseTransitionInput): Promise<CaseView> {
  const c = await visibleCase(ctx, id);
  const facts = { procedure: c.procedure as 'simple' | 'ordinary' };
  caseWorkflow.take(ctx.actor, input.action, c.status as never, { facts, note: input.note }); // fail fast
  const today = shanghaiToday();
  const cal = input.action === 'decide' ? await workCalendar(ctx.db) : null;
  const row = await ctx.db.transaction(async (tx) => {
    const before = await lockCase(tx, id);
    if (before.version !== input.version) throw staleVersion(await presentCase(ctx, tx, before));
    const date = input.date ?? today;
    if (date > today) throw invalid('日期不能晚于今天', [{ path: 'date', message: '不能晚于今天' }]);
    const change: Change = {};
    switch (input.action) {
      case 'approve_filing':
        change.caseNo = await caseNumber(tx, before.jurisdictionId, today);
        change.filedOn = today;
        change.decisionDue = decisionDue(today);
        break;
      case 'notify':
        notBeforeFiling(before, date, '事先告知日期');
        change.notifiedOn = date;
        break;
      case 'decide': {
        const p = before.penalty as Penalty | null;
        if (!p?.article)
          throw new AppError('LEGAL_BASIS_MISSING', '作出处罚决定前须拟定处罚内容并确定处罚依据（罚则条款）', 422, [
            { path: 'penalty', message: '请先拟定处罚内容' },
          ]);
        const issues = penaltyIssues(p, { goodsValue: before.goodsValue, procedure: facts.procedure });
        if (issues.length) throw new AppError('PENALTY_OUT_OF_RANGE', issues.map((i) => i.message).join('；'), 422, issues);
        notBeforeFiling(before, date, '处罚决定日期');
        const issuer = await issuerOf(tx, before.jurisdictionId);
        if (!issuer) throw new AppError('DOCUMENT_ISSUER_MISSING', '本局尚未设置发文机关代字，无法给决定书编号', 409);
        change.decisionNo = (await allocateNumber(tx, { orgUnitId: issuer, kind: 'penaltyDecision', date })).text;
        change.decidedOn = date;
        change.fine = p.fine;
        change.publicationDue = publicationDue(cal!, date);
        break;
      }
      case 'execute':
        if (before.decidedOn && date < before.decidedOn)
          throw new AppError('DATE_BEFORE_DECISION', '执行完毕日期不能早于处罚决定日期', 422, [
            { path: 'date', message: '不能早于决定日期' },
          ]);
        change.executedOn = date;
        break;
      case 'close':
        change.closedOn = today;
        break;
      case 'reject_filing':
      case 'no_penalty':
      case 'revoke':
        change.closeReason = input.note!;
        change.closedOn = today;
        break;
      case 'extend':
        if (!input.extendTo || !before.decisionDue || input.extendTo <= before.decisionDue)
          throw invalid('延长后的办案期限须晚于原期限', [{ path: 'extendTo', message: `须晚于${before.decisionDue ?? '原期限'}` }]);
        change.decisionDue = input.extendTo;
        change.extensionReason = input.note!;
        break;
      default:
        break;
    }
    const after = await caseWorkflow.apply(tx, ctx, {
      action: input.action,
      state: before.status as never,
      facts,
      note: input.note,
      change: async (to) =>
        (
          await tx
            .update(cases)
            .set({ ...change, status: to, version: before.version + 1, updatedAt: new Date() })
            .where(eq(cases.id, id))
            .returning()
        )[0]!,
      audit: {
        action: CASE_AUDIT_ACTIONS[input.action],
        entityType: 'case',
        entityId: id,
        jurisdictionId: before.jurisdictionId,
        summary: `${CASE_ACTIONS[input.action]}：案件 ${change.caseNo ?? before.caseNo ?? `#${id}`}${change.decisionNo ? `，决定书 ${change.decisionNo}` : ''}${input.note ? `（${input.note}）` : ''}`,
        before,
      },
    });
    await refreshCaseSummary(tx, [after.entityId]);
    return after;
  });
  return presentCase(ctx, ctx.db, row);
}

function notBeforeFiling(c: CaseRow, date: string, what: string) {
  if (c.filedOn && date < c.filedOn)
    throw new AppError('DATE_BEFORE_FILING', `${what}（${date}）不能早于立案日期（${c.filedOn}）`, 422, [
      { path: 'date', message: `不能早于立案日期${c.filedOn}` },
    ]);
}
