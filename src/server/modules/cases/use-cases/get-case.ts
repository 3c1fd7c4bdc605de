import type { CaseView } from '../../../../contracts/cases.js';
import type { Ctx } from '../../../core/context.js';
import { presentCase } from '../presenter.js';
import { visibleCase } from '../queries.js';

export async function getCase(ctx: Ctx, id: number): Promise<CaseView> {
  return presentCase(ctx, ctx.db, await visibleCase(ctx, id));
}
