import { eq } from 'drizzle-orm';
import { creditRuns } from '../../../db/schema/index.js';
import type { Actor } from '../../core/context.js';
import type { Registry } from '../../core/extensions.js';
import { JobFailure, type JobDefinition } from '../../core/jobs/runner.js';
import { executeRun } from './run.js';

export interface CreditRunPayload {
  runId: number;
  actor: Actor;
  ip?: string | null;
}

/**
 * A job handler receives only the database; the indicators are the app's registry, bound when the
 * credit routes are registered (one app per process in production; each test file has its own).
 */
let registry: Registry | undefined;
export function bindCreditRegistry(r: Registry) {
  registry = r;
}

/** Recompute the grades of an area: queued by POST /api/credit-runs, run in the job's transaction (exactly once). */
export const creditRunJob: JobDefinition<CreditRunPayload> = {
  kind: 'credit.recompute',
  maxAttempts: 2,
  async run(job, tx) {
    if (!registry) throw new JobFailure('信用评价指标尚未加载');
    const { runId, actor, ip } = job.payload;
    const counts = await executeRun(tx, registry, runId, { actor, ip: ip ?? undefined });
    return counts ?? { skipped: true };
  },
  async onFailed(job, tx, error) {
    await tx
      .update(creditRuns)
      .set({
        status: 'failed',
        // Our own refusals are Chinese sentences; anything else (a database error) is not shown.
        message: error.interrupted
          ? '评定被中断，请重新发起'
          : /^[\u4e00-\u9fa5]/.test(error.message)
            ? error.message
            : '评定失败，请联系管理员',
        finishedAt: new Date(),
      })
      .where(eq(creditRuns.id, job.payload.runId));
  },
};
