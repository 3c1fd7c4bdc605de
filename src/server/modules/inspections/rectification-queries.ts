import { sql } from 'drizzle-orm';
import type { RectificationView } from '../../../contracts/inspections.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { pathInScope } from '../../core/scope.js';
import { rows } from '../../core/sql.js';
import { presentRectification, RECTIFICATION_COLUMNS, type RectificationRow } from './presenter.js';

/** A rectification in the caller's scope (else 404), as a row. */
export async function visibleRectification(ctx: Pick<Ctx, 'db' | 'actor'>, id: number, db: DbOrTx = ctx.db) {
  const [r] = await rows<RectificationRow & { path: string }>(
    db,
    sql`select ${RECTIFICATION_COLUMNS}, j.path from rectifications r join entities e on e.id = r.entity_id join jurisdictions j on j.id = r.jurisdiction_id where r.id = ${id}`,
  );
  if (!r || !pathInScope(ctx.actor, r.path)) throw notFound('整改事项');
  return r;
}

export async function presentRectificationById(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  id: number,
  db: DbOrTx = ctx.db,
): Promise<RectificationView> {
  return presentRectification(ctx.actor, await visibleRectification(ctx, id, db));
}
