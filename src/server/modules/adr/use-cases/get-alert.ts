import type { Ctx } from '../../../core/context.js';
import { loadAlert, presentAlert } from '../presenter.js';
import { readableAlert } from '../queries.js';

/** One cluster alert the caller may read (else 404): the area's, or a station's county's. */
export async function getAlert(ctx: Ctx, id: number) {
  await readableAlert(ctx.db, ctx.actor, id);
  return presentAlert((await loadAlert(ctx.db, id))!, ctx.actor);
}
