import type { Inspection } from '../../../../contracts/inspections.js';
import type { Ctx } from '../../../core/context.js';
import { presentInspection } from '../presenter.js';
import { visibleInspection } from '../queries.js';

/** One inspection in the actor's scope. */
export async function getInspection(ctx: Ctx, id: number): Promise<Inspection> {
  await visibleInspection(ctx, id);
  return presentInspection(ctx, ctx.db, id);
}
