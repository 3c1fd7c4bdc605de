import type { Clue } from '../../../../contracts/clues.js';
import type { Ctx } from '../../../core/context.js';
import { workCalendar } from '../../calendar/public.js';
import { presentClue } from '../presenter.js';
import { visibleRow } from '../queries.js';

export async function getClue(ctx: Ctx, id: number): Promise<Clue> {
  await visibleRow(ctx.db, ctx.actor, 'clues', id, '线索');
  return presentClue(ctx.db, ctx.actor, await workCalendar(ctx.db), id);
}
