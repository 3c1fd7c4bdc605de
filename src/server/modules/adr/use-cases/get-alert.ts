import type { Ctx } from '../../../core/context.js';
import { loadAlert, presentAlert } from '../presenter.js';
import { visibleAlert } from '../queries.js';

/** One cluster alert the caller may see (else 404). */
export async function getAlert(ctx: Ctx, id: number) {
  await visibleAlert(ctx.db, ctx.actor, id);
  return presentAlert((await loadAlert(ctx.db, id))!, ctx.actor);
}
