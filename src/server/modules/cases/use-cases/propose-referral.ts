import { eq } from 'drizzle-orm';
import type { CaseView } from '../../../../contracts/cases.js';
import { caseReferrals, cases } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { staleVersion } from '../../../core/versions.js';
import { referralDecideDue } from '../deadlines.js';
import { assertOfficer } from '../policy.js';
import { presentCase } from '../presenter.js';
import { lockCase, visibleCase } from '../queries.js';
import { refreshCaseSummary } from '../summary.js';

const NOT_REFERABLE = ['proposed', 'not_filed', 'revoked'];

/** Propose referring a filed case to the police (移送公安): the head must decide within 3 days. */
export async function proposeReferral(ctx: Ctx, id: number, input: { version: number; reason: string }): Promise<CaseView> {
  const c = await visibleCase(ctx, id);
  assertOfficer(ctx.actor, c);
  const row = await ctx.db.transaction(async (tx) => {
    const before = await lockCase(tx, id);
    if (before.version !== input.version) throw staleVersion(await presentCase(ctx, tx, before));
    if (NOT_REFERABLE.includes(before.status)) throw new AppError('ILLEGAL_TRANSITION', '立案后才能提请移送公安机关', 409);
    const [existing] = await tx.select({ id: caseReferrals.id }).from(caseReferrals).where(eq(caseReferrals.caseId, id));
    if (existing) throw new AppError('CONFLICT', '该案件已提请移送', 409);
    const now = new Date();
    const [referral] = await tx
      .insert(caseReferrals)
      .values({
        caseId: id,
        jurisdictionId: before.jurisdictionId,
        reason: input.reason,
        proposedBy: ctx.actor.id || null,
        proposedAt: now,
        decideDueAt: referralDecideDue(now),
      })
      .returning();
    const [after] = await tx
      .update(cases)
      .set({ version: before.version + 1, updatedAt: now })
      .where(eq(cases.id, id))
      .returning();
    await audit(tx, ctx, {
      action: 'referral.propose',
      entityType: 'referral',
      entityId: referral!.id,
      jurisdictionId: before.jurisdictionId,
      summary: `案件 ${before.caseNo ?? `#${id}`} 提请移送公安：${input.reason}`,
      after: referral,
    });
    await refreshCaseSummary(tx, [before.entityId]);
    return after!;
  });
  return presentCase(ctx, ctx.db, row);
}
