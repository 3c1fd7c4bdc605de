import { eq } from 'drizzle-orm';
import { REFERRAL_ACTIONS, type ReferralStatus, type ReferralTransitionInput, type ReferralView } from '../../../../contracts/cases.js';
import { caseReferrals, cases } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { allocateNumber } from '../../../core/documents/index.js';
import { AppError, invalid } from '../../../core/errors.js';
import { staleVersion } from '../../../core/versions.js';
import { referralSendDue } from '../deadlines.js';
import { presentReferral } from '../presenter.js';
import { issuerOf, visibleReferral, type ReferralRow } from '../queries.js';
import { REFERRAL_AUDIT_ACTIONS, referralWorkflow } from '../workflow.js';
import { refreshCaseSummary } from '../summary.js';

type Change = Partial<typeof caseReferrals.$inferInsert>;

/**
 * One step of a referral (workflow.ts): the head's approval (numbers the 移送书, starts the 24 hours)
 * or refusal; sending (names the police unit); the police receipt; its decision (立案 / 不予立案);
 * follow-ups logged with who and when.
 */
export async function transitionReferral(ctx: Ctx, id: number, input: ReferralTransitionInput): Promise<ReferralView> {
  const r = await visibleReferral(ctx, id);
  referralWorkflow.take(ctx.actor, input.action, r.status as ReferralStatus, { note: input.note });
  if (input.action === 'send' && !input.policeUnit)
    throw invalid('请填写受移送的公安机关', [{ path: 'policeUnit', message: '请填写受移送的公安机关' }]);
  const row = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(caseReferrals).where(eq(caseReferrals.id, id)).for('update');
    if (before!.version !== input.version) throw staleVersion(presentReferral(ctx, before!, new Map()));
    const now = new Date();
    const change: Change = {};
    switch (input.action) {
      case 'approve': {
        const issuer = await issuerOf(tx, before!.jurisdictionId);
        if (!issuer) throw new AppError('DOCUMENT_ISSUER_MISSING', '本局尚未设置发文机关代字，无法给移送书编号', 409);
        change.number = (await allocateNumber(tx, { orgUnitId: issuer, kind: 'referralLetter' })).text;
        change.approvedAt = now;
        change.approvedBy = ctx.actor.id || null;
        change.sendDueAt = referralSendDue(now);
        break;
      }
      case 'reject':
        change.decisionNote = input.note!;
        break;
      case 'send':
        change.sentAt = now;
        change.policeUnit = input.policeUnit!;
        break;
      case 'receive':
        change.receivedAt = now;
        break;
      case 'police_file':
      case 'police_decline':
        change.policeDecidedAt = now;
        change.decisionNote = input.note ?? null;
        break;
      case 'follow_up':
        change.followUps = [...((before!.followUps ?? []) as unknown[]), { at: now.toISOString(), note: input.note!, by: ctx.actor.id }];
        break;
    }
    const after = await referralWorkflow.apply<ReferralRow>(tx, ctx, {
      action: input.action,
      state: before!.status as ReferralStatus,
      note: input.note,
      change: async (to) =>
        (
          await tx
            .update(caseReferrals)
            .set({ ...change, status: to, version: before!.version + 1 })
            .where(eq(caseReferrals.id, id))
            .returning()
        )[0]!,
      audit: {
        action: REFERRAL_AUDIT_ACTIONS[input.action],
        entityType: 'referral',
        entityId: id,
        jurisdictionId: before!.jurisdictionId,
        summary: `${REFERRAL_ACTIONS[input.action]}（案件 #${before!.caseId}）${input.note ? `：${input.note}` : ''}`,
        before,
      },
    });
    const [c] = await tx.select({ entityId: cases.entityId }).from(cases).where(eq(cases.id, before!.caseId));
    await refreshCaseSummary(tx, [c!.entityId]);
    return after;
  });
  return presentReferral(ctx, row, new Map([[ctx.actor.id, ctx.actor.name]]));
}
