import { sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { CreditRun } from '../../../../contracts/credit.js';
import { creditRuns } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { rows } from '../../../core/sql.js';
import { windowFrom } from '../compute.js';
import { presentRun, RUN_SELECT, type RunRow } from '../presenter.js';
import { currentRule } from '../rules.js';

const WAIT_MS = 5000;

/**
 * Recompute every graded unit of the caller's area: the run is queued in this transaction and
 * computed by a background job (core/jobs) after it commits. One queued run per area at a time.
 */
export async function requestCreditRun(ctx: Ctx): Promise<CreditRun> {
  if (!ctx.jobs) throw new AppError('JOBS_UNAVAILABLE', '后台任务未启动，暂不能重新评定', 409);
  const jobs = ctx.jobs;
  const path = ctx.actor.scope === 'all' ? '/' : ctx.actor.jurisdictionPath;
  const run = await ctx.db.transaction(async (tx) => {
    const [pending] = await rows<{ id: number }>(
      tx,
      sql`select id from credit_runs where scope = 'area' and path = ${path} and status in ('queued','running') limit 1`,
    );
    if (pending) throw new AppError('CONFLICT', '本辖区已有正在进行的重新评定，请稍候', 409);
    const rule = await currentRule(tx);
    const asOf = shanghaiToday();
    const [r] = await tx
      .insert(creditRuns)
      .values({
        scope: 'area',
        jurisdictionId: ctx.actor.jurisdictionId,
        path,
        ruleVersion: rule.version,
        asOf,
        windowFrom: windowFrom(asOf, rule.definition.windowMonths),
        createdBy: ctx.actor.id || null,
      })
      .returning({ id: creditRuns.id });
    const jobId = await jobs.enqueue(tx, 'credit.recompute', { runId: r!.id, actor: ctx.actor, ip: ctx.ip ?? null });
    await audit(tx, ctx, {
      action: 'credit_run.request',
      entityType: 'credit_run',
      entityId: r!.id,
      jurisdictionId: ctx.actor.jurisdictionId || null,
      summary: '发起本辖区信用重新评定',
      after: { status: 'queued', ruleVersion: rule.version },
    });
    return { id: r!.id, jobId };
  });
  jobs.kick();
  // A station's or county's run takes moments: answer with its result. A province's goes on in the
  // background and is answered as still running (the list of runs shows when it is done).
  await jobs.wait(run.jobId, WAIT_MS).catch(() => undefined);
  const [row] = await rows<RunRow>(ctx.db, sql`${sql.raw(RUN_SELECT)} where r.id = ${run.id}`);
  return presentRun(row!);
}
