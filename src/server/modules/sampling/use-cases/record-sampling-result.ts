import type { ProductCategory } from '../../../../contracts/sampling.js';
import { eq } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import {
  SAMPLING_VERDICTS,
  type FollowUpLink,
  type RecordSamplingResultInput,
  type SamplingRecord,
  type SamplingStatus,
} from '../../../../contracts/sampling.js';
import { samplingFollowUps, samplingRecords, samplingResults } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { pointOf } from '../../../core/extensions.js';
import { assertVersion, updateVersioned } from '../../../core/versions.js';
import { presentRecord } from '../presenter.js';
import { visibleRecord } from '../queries.js';
import { samplingWorkflow } from '../workflow.js';

/**
 * The lab's result (检验结果) of a record at the lab: 合格 → 合格; 不合格 (with the failed items and
 * their standards) → 不合格, which opens the follow-up (核查处置) and, in the same transaction, every
 * `samplingFollowUps` contribution (a risk, a clue for the cases module …): their links are stored
 * on the follow-up. Anything failing (a contribution, the audit) leaves nothing stored.
 * A record not at the lab (never sent, withdrawn, already resulted) → 409.
 */
export async function recordSamplingResult(
  ctx: Ctx,
  id: number,
  { version, ...input }: RecordSamplingResultInput,
): Promise<SamplingRecord> {
  const r = await visibleRecord(ctx, id);
  await assertVersion(r.version, version, () => presentRecord(ctx, ctx.db, id));
  samplingWorkflow.take(ctx.actor, 'result', r.status, { facts: { verdict: input.verdict } });
  const today = shanghaiToday();
  if (input.reportDate > today) throw invalid('报告日期不能晚于今天', [{ path: 'reportDate', message: '不能晚于今天' }]);
  if (input.receivedOn > today) throw invalid('收到报告日期不能晚于今天', [{ path: 'receivedOn', message: '不能晚于今天' }]);
  const contributions = pointOf(ctx.ext, 'samplingFollowUps');
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(samplingRecords).where(eq(samplingRecords.id, id)).for('update');
    if (input.reportDate < before.sampledOn)
      throw invalid('报告日期不能早于抽样日期', [{ path: 'reportDate', message: '不能早于抽样日期' }]);
    const failedItems = input.failedItems.map((f) => ({ item: f.item, standard: f.standard, result: f.result || null }));
    await samplingWorkflow.apply(tx, ctx, {
      action: 'result',
      state: before.status as SamplingStatus,
      facts: { verdict: input.verdict },
      change: async (to) => {
        const after = await updateVersioned(tx, samplingRecords, id, version, { status: to, updatedAt: new Date() }, () =>
          presentRecord(ctx, tx, id),
        );
        const [result] = await tx
          .insert(samplingResults)
          .values({
            recordId: id,
            jurisdictionId: before.jurisdictionId,
            verdict: input.verdict,
            failedItems,
            reportNo: input.reportNo,
            labName: input.labName,
            reportDate: input.reportDate,
            receivedOn: input.receivedOn,
            note: input.note || null,
            recordedBy: ctx.actor.id,
          })
          .returning();
        let links: FollowUpLink[] = [];
        if (input.verdict === 'unqualified') {
          const summary = `监督抽检不合格：${before.productName}（批号 ${before.batchNo}，${before.manufacturer}），${failedItems
            .map((f) => `${f.item}不符合${f.standard}`)
            .join('；')}`;
          for (const c of contributions) {
            const opened = await c.open(tx, ctx, {
              resultId: result.id,
              recordId: id,
              entityId: before.entityId,
              jurisdictionId: before.jurisdictionId,
              category: before.category as ProductCategory,
              product: before.productName,
              batch: before.batchNo,
              failedItems,
              summary,
            });
            links = [...links, { key: c.key, label: c.label, type: opened.type, id: opened.id }];
          }
          await tx.insert(samplingFollowUps).values({ recordId: id, resultId: result.id, jurisdictionId: before.jurisdictionId, links });
        }
        return { after, result, links };
      },
      audit: {
        action: 'sampling.result',
        entityType: 'sampling_record',
        entityId: id,
        jurisdictionId: before.jurisdictionId,
        summary: `检验结果 ${before.number}：${SAMPLING_VERDICTS[input.verdict]}（${input.labName} ${input.reportNo}）${
          input.verdict === 'unqualified' ? `，不合格项目：${failedItems.map((f) => f.item).join('、')}` : ''
        }`,
        before: { status: before.status },
        after: (x) => ({ status: x.after.status, verdict: input.verdict, failedItems, reportNo: input.reportNo, links: x.links }),
      },
    });
  });
  return presentRecord(ctx, ctx.db, id);
}
