import type { RiskCategory } from '../../../contracts/risks.js';
import type { SamplingFollowUp } from '../sampling/public.js';
import { openRisk } from './public.js';

const CATEGORY: Record<string, RiskCategory> = { drug: 'drug', device: 'device', cosmetic: 'cosmetics' };

/**
 * An 不合格 sampling result goes on the risk register (seed 001: 抽检发现的问题纳入风险清单), in the
 * result's transaction: the sampled unit, the product's category, the failed items as description;
 * grade 一般 until someone grades it (the result alone does not say how serious it is), owner the
 * person who entered the result, deadline the register's default.
 */
export const riskFromSampling: SamplingFollowUp = {
  key: 'risk',
  label: '风险',
  async open(tx, ctx, input) {
    const risk = await openRisk(tx, ctx, {
      source: { type: 'sampling', id: input.resultId },
      entityIds: [input.entityId],
      category: CATEGORY[input.category] ?? 'drug',
      title: input.summary.slice(0, 100),
      description: `${input.summary}。不合格项目：${input.failedItems
        .map((f) => `${f.item}（标准：${f.standard}${f.result ? `；结果：${f.result}` : ''}）`)
        .join('；')}`,
      level: 'general',
      jurisdictionId: input.jurisdictionId,
    });
    return { type: 'risk', id: risk.id };
  },
};
