import type { CaseView, FileCaseInput } from '../../../../contracts/cases.js';
import type { Ctx } from '../../../core/context.js';
import { fileCaseIn } from '../filing.js';
import { presentCase } from '../presenter.js';

/** File a case from the filing form (立案 or 提请立案). */
export async function fileCase(ctx: Ctx, input: FileCaseInput): Promise<CaseView> {
  const row = await ctx.db.transaction((tx) => fileCaseIn(tx, ctx, input));
  return presentCase(ctx, ctx.db, row);
}
