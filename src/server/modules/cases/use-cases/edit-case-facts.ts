import { eq } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import { caseFactsInput, type CaseFactsInput, type CaseView } from '../../../../contracts/cases.js';
import { violationTypesFor } from '../../../../contracts/checklists/index.js';
import { cases } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { AppError, invalid } from '../../../core/errors.js';
import { staleVersion } from '../../../core/versions.js';
import { currentCampaign } from '../../campaigns/public.js';
import { limitation } from '../deadlines.js';
import { assertOfficer, assertState } from '../policy.js';
import { presentCase } from '../presenter.js';
import { lockCase, visibleCase } from '../queries.js';
import { refreshCaseSummary } from '../summary.js';

/** Before the legal review: once submitted, the 法规股 reviews the facts as they stand. */
const EDITABLE = ['proposed', 'investigating'];
const FIELDS = [
  'violationType',
  'facts',
  'goodsValue',
  'illegalIncome',
  'violationDate',
  'discoveredOn',
  'healthHarm',
  'limitationOverride',
  'persons',
] as const;

/**
 * Correct a case's facts (修改案情) with a reason, by its officer, before the legal review. The same
 * checks as at filing: the violation type from the catalogue, dates not after today and the conduct
 * before its discovery, the limitation (行政处罚法 第三十六条) unless a reason is given. A drafted
 * penalty is checked again against the new goods value when the case is decided.
 */
export async function editCaseFacts(ctx: Ctx, id: number, raw: CaseFactsInput): Promise<CaseView> {
  const { version, reason, ...input } = caseFactsInput.parse(raw);
  const c = await visibleCase(ctx, id);
  assertOfficer(ctx.actor, c);
  assertState(c, EDITABLE, '修改案情');
  const row = await ctx.db.transaction(async (tx) => {
    const before = await lockCase(tx, id);
    if (before.version !== version) throw staleVersion(await presentCase(ctx, tx, before));
    assertState(before, EDITABLE, '修改案情');
    const definition = before.campaignId ? (await currentCampaign(tx, before.campaignId)).definition : null;
    const vt = violationTypesFor(definition).find((v) => v.key === input.violationType);
    if (!vt) throw invalid('违法类型不在违法违规类型目录中', [{ path: 'violationType', message: '请从违法违规类型目录中选择' }]);
    const discoveredOn = input.discoveredOn ?? before.discoveredOn;
    if (discoveredOn > shanghaiToday()) throw invalid('发现日期不能晚于今天', [{ path: 'discoveredOn', message: '不能晚于今天' }]);
    if (input.violationDate > discoveredOn)
      throw invalid('违法行为发生日期不能晚于发现日期', [{ path: 'violationDate', message: '不能晚于发现日期' }]);
    const lim = limitation(input.violationDate, discoveredOn, input.healthHarm);
    if (lim.expired && !input.limitationOverride)
      throw new AppError(
        'LIMITATION_EXPIRED',
        `违法行为自${input.violationDate}起${lim.years}年内未被发现，已过追责时效（${lim.expiresOn}，《行政处罚法》第三十六条）；如违法行为有连续或者继续状态，请填写理由`,
        422,
        [{ path: 'limitationOverride', message: '请填写超过时效仍立案的理由' }],
      );
    const set = {
      violationType: vt.key,
      violationLabel: vt.label,
      facts: input.facts,
      goodsValue: input.goodsValue,
      illegalIncome: input.illegalIncome,
      violationDate: input.violationDate,
      discoveredOn,
      healthHarm: input.healthHarm,
      limitationOverride: lim.expired ? input.limitationOverride! : null,
      persons: input.persons,
    };
    const changed = FIELDS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(set[k]));
    if (!changed.length) throw new AppError('NOTHING_CHANGED', '案情没有改动', 400);
    const [after] = await tx
      .update(cases)
      .set({ ...set, version: before.version + 1, updatedAt: new Date() })
      .where(eq(cases.id, id))
      .returning();
    await audit(tx, ctx, {
      action: 'case.facts',
      entityType: 'case',
      entityId: id,
      jurisdictionId: before.jurisdictionId,
      summary: `修改案情：${reason}`,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, set[k]])),
    });
    await refreshCaseSummary(tx, [before.entityId]);
    return after!;
  });
  return presentCase(ctx, ctx.db, row);
}
