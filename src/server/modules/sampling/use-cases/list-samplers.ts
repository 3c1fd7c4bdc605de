import type { Ctx } from '../../../core/context.js';
import { entityInArea, samplerOptions } from '../queries.js';

/** The people the record form may name as samplers at a unit of the caller's area. */
export async function listSamplers(ctx: Ctx, entityId: number) {
  const e = await entityInArea(ctx, entityId);
  const list = await samplerOptions(ctx.db, e.path);
  return list.map((p) => ({ id: p.id, name: p.name, unitName: p.unit_name }));
}
