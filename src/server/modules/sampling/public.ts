import type { ProductCategory } from '../../../contracts/sampling.js';
import type { Tx } from '../../../db/client.js';
import type { Ctx } from '../../core/context.js';

/**
 * What other modules may use of sampling (监督抽检): the `samplingFollowUps` extension point.
 *
 * When an 不合格 result is recorded, every contribution's `open` is called inside the result's
 * transaction (use only `tx`: the result, the follow-up row, the audit rows and what `open` writes
 * commit or roll back together). It returns the record it opened; the follow-up stores the link
 * `{ key, label, type, id }` and the record page shows it as “已生成{label}”. A contribution that
 * throws refuses the whole result (nothing is stored).
 */
export interface SamplingFollowUpInput {
  resultId: number;
  recordId: number;
  /** The sampled unit (监管对象). */
  entityId: number;
  /** The sampling record's station (the unit's jurisdiction). */
  jurisdictionId: number;
  /** 药品 / 医疗器械 / 化妆品. */
  category: ProductCategory;
  /** 产品名称. */
  product: string;
  /** 批号. */
  batch: string;
  /** 不合格项目 and the standard each failed. */
  failedItems: { item: string; standard: string; result?: string | null }[];
  /** One line for a title, e.g. “监督抽检不合格：某某片（批号 230101），含量测定不符合规定”. */
  summary: string;
}

export interface SamplingFollowUp {
  /** e.g. 'risk', 'clue' (unique among contributions). */
  key: string;
  /** The noun shown after 已生成, e.g. 风险 / 线索. */
  label: string;
  open(tx: Tx, ctx: Ctx, input: SamplingFollowUpInput): Promise<{ type: string; id: number }>;
}

declare module '../../core/extensions.js' {
  interface ExtensionPoints {
    /** Records an 不合格 sampling result opens in other modules (risks, clues), in the same transaction. */
    samplingFollowUps: SamplingFollowUp;
  }
}

/** The printed 抽样单编号 (demo data numbers its records the same way). */
export { samplingNumberText } from './numbers.js';
