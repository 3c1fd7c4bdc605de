import { eq } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import { SUPERVISION_LEVELS, type CaseMarksInput, type CaseView } from '../../../../contracts/cases.js';
import { cases } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { AppError, invalid } from '../../../core/errors.js';
import { staleVersion } from '../../../core/versions.js';
import { presentCase } from '../presenter.js';
import { lockCase, visibleCase } from '../queries.js';

const DECIDED = ['decided', 'executed', 'closed'];

/**
 * The marks the 法规股 and the head keep on a case (cases.review): 挂牌督办 (level, since, deadline),
 * 提级查办, 严重违法失信名单 (listed on, until) and the day the penalty information was published.
 * Publication and the list need a decision; dates are checked against it and today.
 */
export async function setMarks(ctx: Ctx, id: number, input: CaseMarksInput): Promise<CaseView> {
  await visibleCase(ctx, id);
  const today = shanghaiToday();
  const row = await ctx.db.transaction(async (tx) => {
    const before = await lockCase(tx, id);
    if (before.version !== input.version) throw staleVersion(await presentCase(ctx, tx, before));
    if (['not_filed', 'revoked'].includes(before.status)) throw new AppError('ILLEGAL_TRANSITION', '未立案或已撤销的案件不能标记', 409);
    const s = input.supervision;
    if (s && s.deadline < s.since)
      throw invalid('督办期限不能早于督办日期', [{ path: 'supervision.deadline', message: '不能早于督办日期' }]);
    const decided = DECIDED.includes(before.status) && before.decidedOn;
    if (input.publishedOn) {
      if (!decided) throw new AppError('ILLEGAL_TRANSITION', '作出处罚决定后才能登记公示', 409);
      if (input.publishedOn < before.decidedOn! || input.publishedOn > today)
        throw invalid('公示日期须在决定日期与今天之间', [{ path: 'publishedOn', message: `须在${before.decidedOn}与今天之间` }]);
    }
    const l = input.seriousList;
    if (l) {
      if (!decided) throw new AppError('ILLEGAL_TRANSITION', '作出处罚决定后才能列入严重违法失信名单', 409);
      if (l.listedOn < before.decidedOn!)
        throw invalid('列入日期不能早于处罚决定日期', [{ path: 'seriousList.listedOn', message: '不能早于决定日期' }]);
      if (l.until && l.until <= l.listedOn)
        throw invalid('移出日期须晚于列入日期', [{ path: 'seriousList.until', message: '须晚于列入日期' }]);
    }
    const set = {
      supervision: s ?? null,
      escalatedTo: input.escalatedTo ?? null,
      seriousList: l ?? null,
      publishedOn: input.publishedOn ?? null,
    };
    const [after] = await tx
      .update(cases)
      .set({ ...set, version: before.version + 1, updatedAt: new Date() })
      .where(eq(cases.id, id))
      .returning();
    await audit(tx, ctx, {
      action: 'case.marks',
      entityType: 'case',
      entityId: id,
      jurisdictionId: before.jurisdictionId,
      summary: [
        s ? `${SUPERVISION_LEVELS[s.level]}挂牌督办（期限${s.deadline}）` : '未挂牌督办',
        input.escalatedTo ? `提级至${SUPERVISION_LEVELS[input.escalatedTo]}查办` : null,
        l ? `列入严重违法失信名单（${l.listedOn}）` : null,
        input.publishedOn ? `已公示（${input.publishedOn}）` : null,
      ]
        .filter(Boolean)
        .join('；'),
      before: {
        supervision: before.supervision,
        escalatedTo: before.escalatedTo,
        seriousList: before.seriousList,
        publishedOn: before.publishedOn,
      },
      after: set,
    });
    return after!;
  });
  return presentCase(ctx, ctx.db, row);
}
