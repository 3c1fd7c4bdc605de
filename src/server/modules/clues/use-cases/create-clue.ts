import type { Clue, CreateClueInput } from '../../../../contracts/clues.js';
import type { Ctx } from '../../../core/context.js';
import { openClue } from '../open-clue.js';
import { getClue } from './get-clue.js';

/** A clue entered by hand: sampling, ADR or online monitoring, public opinion, another department's referral, a superior's assignment. */
export async function createClue(ctx: Ctx, input: CreateClueInput): Promise<Clue> {
  const { id } = await ctx.db.transaction((tx) =>
    openClue(tx, ctx, { ...input, source: { type: input.source, note: input.sourceNote ?? null } }),
  );
  return getClue(ctx, id);
}
