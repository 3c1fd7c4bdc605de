import type { FindingOption } from '../../../../contracts/risks.js';
import type { Ctx } from '../../../core/context.js';
import { findingOptions } from '../../inspections/public.js';

/** Inspection findings the caller may group into a common risk (归并共性风险: 检查问题), newest 100 first. */
export async function listFindingOptions(ctx: Ctx, q: { q?: string }): Promise<{ items: FindingOption[] }> {
  return { items: await findingOptions(ctx, { q: q.q || undefined, limit: 100 }) };
}
