import type { RiskCategory, RiskChannel, RiskGrade } from '../../../contracts/risks.js';
import type { Tx } from '../../../db/client.js';
import type { Ctx } from '../../core/context.js';
import { insertRisk } from './register.js';

/**
 * What other modules may use of risks.
 *
 * 1. `consultationLinks` (extension point): the kinds of record a consultation item (风险会商/案件会商)
 *    may concern. The risks module contributes type 'risk'; the cases module contributes 'case'
 *    in its module.ts (`contributes: { consultationLinks: [{ key: 'case', type: 'case', label: '案件', visible }] }`).
 *    `visible(ctx, id)` answers the record's title and jurisdiction when the caller may see it, else null
 *    (an item linking what the caller may not see, or another bureau's record, is refused: 400, nothing stored).
 *    It is called before the consultation's transaction, with `ctx.db`.
 *
 * 2. `openRisk(tx, ctx, input)`: register a risk from another module's record (a 不合格 sampling result,
 *    an ADR signal …) inside that module's transaction. Idempotent per source record.
 */
export interface ConsultationLink {
  /** The registry key; the same as `type`. */
  key: string;
  /** Stored as the link's type, e.g. 'risk', 'case'. */
  type: string;
  /** Shown to people, e.g. 风险隐患, 案件. */
  label: string;
  visible(ctx: Ctx, id: number): Promise<{ title: string; jurisdictionId: number } | null>;
}

declare module '../../core/extensions.js' {
  interface ExtensionPoints {
    consultationLinks: ConsultationLink;
  }
}

export interface OpenRiskInput {
  /** The module's record, e.g. { type: 'sampling', id: result.id }; one risk per source (a second call returns the first). Null only for data without a record (demo). */
  source: { type: string; id: number } | null;
  /** 检查发现 / 监督抽检 / 不良反应监测 …; default 'sampling' for type 'sampling', 'adr' for 'adr', else 'data'. */
  channel?: RiskChannel;
  /** The units concerned (must lie in the jurisdiction's area). */
  entityIds: number[];
  category: RiskCategory;
  /** Key products (contracts/risks.ts RISK_PRODUCT_TAGS). */
  productTags?: string[];
  title: string;
  description: string;
  level: RiskGrade;
  /** The station or bureau whose register holds it; default the caller's jurisdiction. */
  jurisdictionId?: number;
  /** The person responsible; default the caller (must hold risks.manage in that area). */
  ownerId?: number;
  /** Default today + 30 days (推定); never before today. */
  deadline?: string;
  controlMeasure?: string;
  /** Default today. */
  foundOn?: string;
}

const CHANNEL_OF_SOURCE: Record<string, RiskChannel> = { sampling: 'sampling', adr: 'adr', complaint: 'complaint', finding: 'inspection' };

/**
 * Open a risk for another module's record in the caller's transaction (audited as 登记风险隐患).
 * Refusals are AppErrors (400 unknown unit/owner/area, past deadline) that roll the caller's transaction back.
 * Returns the risk's id and whether it was created now (false: the source already had one).
 */
export function openRisk(tx: Tx, ctx: Pick<Ctx, 'actor' | 'ip'>, input: OpenRiskInput): Promise<{ id: number; created: boolean }> {
  return insertRisk(tx, ctx, { ...input, channel: input.channel ?? (input.source && CHANNEL_OF_SOURCE[input.source.type]) ?? 'data' });
}
