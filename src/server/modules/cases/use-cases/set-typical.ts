import { eq } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { CaseView, TypicalCaseInput } from '../../../../contracts/cases.js';
import { cases } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { staleVersion } from '../../../core/versions.js';
import { assertOfficer, assertState } from '../policy.js';
import { presentCase } from '../presenter.js';
import { lockCase, visibleCase } from '../queries.js';

const DECIDED = ['decided', 'executed', 'closed'];

/**
 * Write up a decided case as a 典型案例 (seed template: 案情概述 — violation, investigation, product
 * control; 查办结果); the first write dates it, which is the quarter it counts for.
 */
export async function setTypical(ctx: Ctx, id: number, input: TypicalCaseInput): Promise<CaseView> {
  const { version, ...typical } = input;
  const c = await visibleCase(ctx, id);
  assertOfficer(ctx.actor, c);
  assertState(c, DECIDED, '编写典型案例（须已作出处罚决定）');
  const row = await ctx.db.transaction(async (tx) => {
    const before = await lockCase(tx, id);
    if (before.version !== version) throw staleVersion(await presentCase(ctx, tx, before));
    const [after] = await tx
      .update(cases)
      .set({ typical, typicalOn: before.typicalOn ?? shanghaiToday(), version: before.version + 1, updatedAt: new Date() })
      .where(eq(cases.id, id))
      .returning();
    await audit(tx, ctx, {
      action: 'case.typical',
      entityType: 'case',
      entityId: id,
      jurisdictionId: before.jurisdictionId,
      summary: `典型案例：${typical.title}`,
      before: { typical: before.typical },
      after: { typical },
    });
    return after!;
  });
  return presentCase(ctx, ctx.db, row);
}
