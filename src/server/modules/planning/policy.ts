import type { Actor } from '../../core/context.js';
import { forbidden, notFound } from '../../core/errors.js';
import { pathInScope } from '../../core/scope.js';

/**
 * Plans belong to a campaign's area (a bureau). Those above or at the bureau manage them (with
 * plans.manage); a station sees the plan of the area it lies in, but only its own tasks (rows are
 * filtered by `scopeWhere` on the task's station).
 */
export function assertReadsPlan(actor: Actor, planPath: string) {
  // pathInScope is true for the whole-data scope too.
  if (pathInScope(actor, planPath) || actor.jurisdictionPath.startsWith(planPath)) return;
  throw notFound('检查计划');
}

export function assertManagesPlan(actor: Actor, planPath: string) {
  assertReadsPlan(actor, planPath);
  if (!pathInScope(actor, planPath)) throw forbidden('只能由专项行动所属单位制定和调整检查计划');
}

/** Whether the actor sees the whole area (campaign-wide rows) or only part of it. */
export const seesWholeArea = (actor: Actor, planPath: string) => pathInScope(actor, planPath);

/** Station jurisdictions (by path) the actor may see rows of. */
export const seesStation = (actor: Actor, stationPath: string) => pathInScope(actor, stationPath);
