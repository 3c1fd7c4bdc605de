import { eq } from 'drizzle-orm';
import { addWorkingDays, shanghaiToday } from '../../../../contracts/calendar.js';
import {
  CONTROL_MEASURES,
  RECHECK_DEADLINE,
  type FollowUpInput,
  type SamplingRecord,
  type SamplingStatus,
} from '../../../../contracts/sampling.js';
import { samplingFollowUps, samplingRecords, samplingResults } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { assertVersion, updateVersioned } from '../../../core/versions.js';
import { workCalendar } from '../../calendar/public.js';
import { presentRecord } from '../presenter.js';
import { visibleRecord } from '../queries.js';
import { samplingWorkflow } from '../workflow.js';

/**
 * Register the follow-up of an 不合格 result (核查处置): control measures taken on the product, the
 * day the report was served on the unit (送达), and whether it applied for 复检. From the day of
 * service the 复检 deadline is computed over the holiday calendar (contracts/sampling.ts
 * SAMPLING_DEADLINES, 推定). Bumps the record's version.
 */
export async function updateFollowUp(ctx: Ctx, id: number, { version, ...input }: FollowUpInput): Promise<SamplingRecord> {
  const r = await visibleRecord(ctx, id);
  await assertVersion(r.version, version, () => presentRecord(ctx, ctx.db, id));
  samplingWorkflow.take(ctx.actor, 'follow_up', r.status);
  if (input.deliveredOn && input.deliveredOn > shanghaiToday())
    throw invalid('送达日期不能晚于今天', [{ path: 'deliveredOn', message: '不能晚于今天' }]);
  // The calendar is read before the transaction (PGlite: one connection).
  const recheckDueOn =
    input.deliveredOn && RECHECK_DEADLINE.days !== null
      ? RECHECK_DEADLINE.unit === 'working'
        ? addWorkingDays(await workCalendar(ctx.db), input.deliveredOn, RECHECK_DEADLINE.days)
        : null
      : null;
  const measures = [...new Set(input.measures)];
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(samplingRecords).where(eq(samplingRecords.id, id)).for('update');
    const [res] = await tx.select().from(samplingResults).where(eq(samplingResults.recordId, id));
    if (res && input.deliveredOn && input.deliveredOn < res.receivedOn)
      throw invalid('送达日期不能早于收到检验报告的日期', [{ path: 'deliveredOn', message: '不能早于收到报告日期' }]);
    const [fBefore] = await tx.select().from(samplingFollowUps).where(eq(samplingFollowUps.recordId, id));
    await samplingWorkflow.apply(tx, ctx, {
      action: 'follow_up',
      state: before.status as SamplingStatus,
      change: async () => {
        await updateVersioned(tx, samplingRecords, id, version, { updatedAt: new Date() }, () => presentRecord(ctx, tx, id));
        const [f] = await tx
          .update(samplingFollowUps)
          .set({
            measures,
            deliveredOn: input.deliveredOn ?? null,
            recheckDueOn,
            recheckRequested: input.recheckRequested,
            note: input.note || null,
            updatedAt: new Date(),
          })
          .where(eq(samplingFollowUps.recordId, id))
          .returning();
        return f;
      },
      audit: {
        action: 'sampling.follow_up',
        entityType: 'sampling_record',
        entityId: id,
        jurisdictionId: before.jurisdictionId,
        summary: `核查处置 ${before.number}：${measures.map((m) => CONTROL_MEASURES[m]).join('、') || '未采取控制措施'}${
          input.deliveredOn ? `；${input.deliveredOn}送达，复检申请截止${recheckDueOn ?? '未设定'}` : ''
        }`,
        before: fBefore,
      },
    });
  });
  return presentRecord(ctx, ctx.db, id);
}
