import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import type { Registry } from '../../core/extensions.js';
import { pointOf } from '../../core/extensions.js';
import type { JobDefinition } from '../../core/jobs/runner.js';
import { ensureMeasureStart } from '../../core/measure-summaries.js';
import { rows } from '../../core/sql.js';

const KIND = 'reports.measure-start';

/**
 * A job handler receives only the database; the summary sources are the app's registry, bound when
 * the report routes are registered (one app per process in production; each test file has its own).
 */
let registry: Registry | undefined;
export function bindMeasureStartRegistry(r: Registry) {
  registry = r;
}

/**
 * Keep distinct-unit summaries from a table's `cumulativeFrom` (a start saved in a campaign
 * definition after the app started): the summaries are rebuilt for it in the background, under the
 * lock the start-up build takes. Until it lands the table is answered by the raw SQL (same figures).
 */
export const measureStartJob: JobDefinition<{ since: string }> = {
  kind: KIND,
  maxAttempts: 2,
  async run(job, tx) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('measure_summaries'))`);
    await ensureMeasureStart(tx, registry ? pointOf(registry, 'measureSummaries') : [], job.payload.since);
    return { since: job.payload.since };
  },
};

/** Ask, once, for summaries from this start date if they are not kept yet (called when a cumulative table is read). */
export async function requestMeasureStart(ctx: Ctx, since: string): Promise<boolean> {
  if (!ctx.jobs || !registry || !pointOf(registry, 'measureSummaries').length) return false;
  const [r] = await rows<{ kept: boolean; queued: boolean }>(
    ctx.db,
    sql`select exists (select 1 from measure_starts where since = ${since}::date) as kept,
               exists (select 1 from jobs where kind = ${KIND} and status in ('queued', 'running') and payload->>'since' = ${since}) as queued`,
  );
  if (!r || r.kept || r.queued) return false;
  await ctx.jobs.enqueue(ctx.db, KIND, { since });
  ctx.jobs.kick();
  return true;
}
