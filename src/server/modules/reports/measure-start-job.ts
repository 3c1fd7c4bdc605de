import { shanghaiToday } from '../../../contracts/calendar.js';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import type { DefinitionSavedListener } from '../campaigns/public.js';
import type { Registry } from '../../core/extensions.js';
import { pointOf } from '../../core/extensions.js';
import type { JobDefinition } from '../../core/jobs/runner.js';
import { ensureMeasureStart, lastMonthEnd, markDay } from '../../core/measure-summaries.js';
import { rows } from '../../core/sql.js';

const KIND = 'reports.measure-start';
const MARK = 'reports.measure-mark';

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

/**
 * Keep summary marks at a month end that has passed since the app started (a report of last month
 * then reads one row per station and kind instead of every row since its start), built in the
 * background under the summaries' lock. Until it lands the figures come from the spans (same values).
 */
export const measureMarkJob: JobDefinition<{ at: string }> = {
  kind: MARK,
  maxAttempts: 2,
  async run(job, tx) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('measure_summaries'))`);
    return { at: job.payload.at, added: await markDay(tx, job.payload.at) };
  },
};

/**
 * Ask, once, for what a table read needs kept and is not yet (called when a table is read): summaries
 * from a cumulative table's start (`since`), and the marks at the last month end (`at`). One query.
 */
export async function requestSummaryUpkeep(ctx: Ctx, want: { since?: string; at: string }): Promise<void> {
  if (!ctx.jobs || !registry || !pointOf(registry, 'measureSummaries').length) return;
  const since = want.since ?? null;
  const [r] = await rows<{ start: boolean; mark: boolean }>(
    ctx.db,
    sql`select ${since}::date is not null
          and not exists (select 1 from measure_starts where since = ${since}::date)
          and not exists (select 1 from jobs where kind = ${KIND} and status in ('queued', 'running') and payload->>'since' = ${since}) as start,
        not exists (select 1 from measure_mark_days where at = ${want.at}::date)
          and not exists (select 1 from jobs where kind = ${MARK} and status in ('queued', 'running') and payload->>'at' = ${want.at}) as mark`,
  );
  if (r?.start) await ctx.jobs.enqueue(ctx.db, KIND, { since: since! });
  if (r?.mark) await ctx.jobs.enqueue(ctx.db, MARK, { at: want.at });
  if (r?.start || r?.mark) ctx.jobs.kick();
}

/** When a campaign's definition is saved: summaries from its cumulative tables' starts are asked for then. */
export const summariesOnSave: DefinitionSavedListener = {
  key: 'reports.summaries',
  async saved(ctx, definition) {
    const at = lastMonthEnd(shanghaiToday());
    for (const since of new Set(definition.tables.flatMap((t) => (t.cumulativeFrom ? [t.cumulativeFrom] : []))))
      await requestSummaryUpkeep(ctx, { since, at });
  },
};
