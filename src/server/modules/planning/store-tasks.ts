import type { Tx } from '../../../db/client.js';
import { copyArray, copyField, copyInto, copyIntArray } from '../../core/copy.js';
import type { PlannedTask } from './engine/index.js';

const COLUMNS = ['plan_id', 'entity_id', 'jurisdiction_id', 'visit', 'due_from', 'due_to', 'rules', 'inspector_ids', 'reasons'];

/**
 * Store a generated plan's tasks in the caller's transaction (the plan row exists): one COPY of
 * every task. The foreign keys (plan, unit) are checked by the database row by row as for any
 * insert, and are most of the time left: see the README's scale table.
 */
export async function storeTasks(tx: Tx, planId: number, tasks: readonly PlannedTask[]) {
  const lines = tasks.map(
    (t) =>
      `${planId}\t${copyField(t.entityId)}\t${copyField(t.stationId)}\t${t.visit}\t${copyField(t.dueFrom)}\t${copyField(t.dueTo)}\t` +
      `${copyField(JSON.stringify(t.rules))}\t${copyIntArray(t.inspectorIds)}\t${copyArray(t.reasons)}\n`,
  );
  await copyInto(tx, 'plan_tasks', COLUMNS, lines);
}
