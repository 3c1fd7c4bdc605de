import { eq, sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../contracts/calendar.js';
import type { DbOrTx } from '../../../db/client.js';
import { creditRuns } from '../../../db/schema/index.js';
import { audit } from '../../core/audit.js';
import type { Actor } from '../../core/context.js';
import type { Registry } from '../../core/extensions.js';
import { scoreUnits, windowFrom } from './compute.js';
import { currentRule } from './rules.js';

/** One run at a time: two runs over the same units would race on their grades. */
const RUN_LOCK = sql`select pg_advisory_xact_lock(hashtext('credit.run'))`;

/**
 * Execute a queued run in the caller's transaction: lock, score with the rule in force now, mark
 * the run done with its counts, audit. Returns the counts (null when the run was not queued).
 */
export async function executeRun(
  tx: DbOrTx,
  ext: Registry,
  runId: number,
  ctx: { actor: Actor; ip?: string },
): Promise<{ units: number; changed: number } | null> {
  await tx.execute(RUN_LOCK);
  // Counting and joining 200,000 units: hash tables in memory rather than spilled to disk (this transaction only).
  await tx.execute(sql`set local work_mem = '64MB'`);
  // The run's few statements are each planned once: compiling them (JIT) costs more than it saves.
  await tx.execute(sql`set local jit = off`);
  const [run] = await tx.select().from(creditRuns).where(eq(creditRuns.id, runId)).for('update');
  if (!run || run.status !== 'queued') return null;
  const rule = await currentRule(tx);
  const asOf = shanghaiToday();
  const counts = await scoreUnits(tx, ext, {
    runId,
    ruleVersion: rule.version,
    rule: rule.definition,
    asOf,
    ...(run.entityId ? { entityIds: [run.entityId] } : { path: run.path }),
  });
  await tx
    .update(creditRuns)
    .set({
      status: 'done',
      ruleVersion: rule.version,
      asOf,
      windowFrom: windowFrom(asOf, rule.definition.windowMonths),
      unitCount: counts.units,
      changedCount: counts.changed,
      finishedAt: new Date(),
    })
    .where(eq(creditRuns.id, runId));
  await audit(tx, ctx, {
    action: 'credit_run.complete',
    entityType: 'credit_run',
    entityId: runId,
    jurisdictionId: run.jurisdictionId,
    summary: `信用评定完成：评定${counts.units}家，等级变化${counts.changed}家（规则第${rule.version}版）`,
    after: { status: 'done', ruleVersion: rule.version, unitCount: counts.units, changedCount: counts.changed },
  });
  return counts;
}

/** Grade every unit under `path` now, in the caller's transaction (demo data, tools): a run row, then `executeRun`. */
export async function gradeAreaNow(
  tx: DbOrTx,
  ext: Registry,
  area: { jurisdictionId: number; path: string },
  ctx: { actor: Actor; ip?: string },
): Promise<{ units: number; changed: number } | null> {
  const rule = await currentRule(tx);
  const asOf = shanghaiToday();
  const [r] = await tx
    .insert(creditRuns)
    .values({
      scope: 'area',
      jurisdictionId: area.jurisdictionId,
      path: area.path,
      ruleVersion: rule.version,
      asOf,
      windowFrom: windowFrom(asOf, rule.definition.windowMonths),
      createdBy: ctx.actor.id || null,
    })
    .returning({ id: creditRuns.id });
  return executeRun(tx, ext, r!.id, ctx);
}
