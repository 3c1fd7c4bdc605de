import { eq } from 'drizzle-orm';
import { penaltyIssues, penaltyLines, type CaseView, type Penalty, type PenaltyInput, penaltyInput } from '../../../../contracts/cases.js';
import { citePenaltyArticle } from '../../../../contracts/penalty-articles.js';
import { cases } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { staleVersion } from '../../../core/versions.js';
import { assertOfficer, assertState } from '../policy.js';
import { presentCase } from '../presenter.js';
import { lockCase, visibleCase } from '../queries.js';
import { refreshCaseSummary } from '../summary.js';

const DRAFTABLE = ['investigating', 'reviewing'];

/**
 * Draft the penalty (拟处罚内容): article and tier from the table, the unit's and the persons' fines
 * checked against the legal range for the case's goods value — outside it → 422 unless 减轻处罚 with a
 * listed reason (never above the maximum); kinds the article does not provide are refused too.
 */
export async function setPenalty(ctx: Ctx, id: number, raw: PenaltyInput): Promise<CaseView> {
  const { version, ...penalty } = penaltyInput.parse(raw);
  const c = await visibleCase(ctx, id);
  assertOfficer(ctx.actor, c);
  assertState(c, DRAFTABLE, '拟定处罚内容');
  const row = await ctx.db.transaction(async (tx) => {
    const before = await lockCase(tx, id);
    if (before.version !== version) throw staleVersion(await presentCase(ctx, tx, before));
    assertState(before, DRAFTABLE, '拟定处罚内容');
    const issues = penaltyIssues(penalty as Penalty, {
      goodsValue: before.goodsValue,
      procedure: before.procedure as 'simple' | 'ordinary',
    });
    if (issues.length) throw new AppError('PENALTY_OUT_OF_RANGE', issues.map((i) => i.message).join('；'), 422, issues);
    const [after] = await tx
      .update(cases)
      .set({ penalty, fine: penalty.fine, version: before.version + 1, updatedAt: new Date() })
      .where(eq(cases.id, id))
      .returning();
    await audit(tx, ctx, {
      action: 'case.penalty',
      entityType: 'case',
      entityId: id,
      jurisdictionId: before.jurisdictionId,
      summary: `拟定处罚：依据${citePenaltyArticle(penalty.article)}，${penaltyLines(penalty as Penalty).join('、')}`,
      before: { penalty: before.penalty, fine: before.fine },
      after: { penalty, fine: penalty.fine },
    });
    await refreshCaseSummary(tx, [before.entityId]);
    return after!;
  });
  return presentCase(ctx, ctx.db, row);
}
