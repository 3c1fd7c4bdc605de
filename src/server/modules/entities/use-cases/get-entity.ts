import type { Ctx } from '../../../core/context.js';
import { presentEntityDetail } from '../presenter.js';
import { getEntityRow, getLicences } from '../queries.js';

/** The entity file: all attributes and licences of one unit in the actor's area. */
export async function getEntity(ctx: Ctx, id: number) {
  const row = await getEntityRow(ctx.db, ctx.actor, id);
  return presentEntityDetail(row, await getLicences(ctx.db, id));
}
