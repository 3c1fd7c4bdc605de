import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import type { PlannedTask } from './engine/index.js';

const CHUNK = 20_000;

/**
 * Store a generated plan's tasks in the caller's transaction (the plan row exists). Set-based: each
 * chunk is one INSERT … SELECT over a JSON document of its tasks, not one bound row each
 * (JSON.stringify is native; array literals built in JS cost four times as much).
 */
export async function storeTasks(tx: Tx, planId: number, tasks: readonly PlannedTask[]) {
  for (let i = 0; i < tasks.length; i += CHUNK) {
    const chunk = tasks
      .slice(i, i + CHUNK)
      .map((t) => ({ e: t.entityId, j: t.stationId, v: t.visit, f: t.dueFrom, t: t.dueTo, r: t.rules, i: t.inspectorIds, s: t.reasons }));
    await tx.execute(sql`insert into plan_tasks (plan_id, entity_id, jurisdiction_id, visit, due_from, due_to, rules, inspector_ids, reasons)
        select ${planId}::integer, x.e, x.j, x.v, x.f, x.t, x.r, x.i, x.s
        from json_to_recordset(${JSON.stringify(chunk)}::json) as x(e integer, j integer, v smallint, f date, t date, r jsonb, i integer[], s text[])`);
  }
}
