import { PUBLICATION_COLUMNS } from '../../../../contracts/cases.js';
import type { Ctx } from '../../../core/context.js';
import { tableWorkbook } from '../../../core/xlsx.js';
import { publicationItems } from '../publication.js';

const WIDTHS = [24, 30, 22, 50, 30, 40, 30, 12];

/** The public-notice table (案件编号, 当事人, 统一社会信用代码, 违法事实, 处罚依据, 处罚内容, 处罚机关, 决定日期). */
export async function exportPublication(ctx: Ctx, q: { published?: 'true' | 'false' }): Promise<Buffer> {
  const list = await publicationItems(ctx, q);
  return tableWorkbook(
    '行政处罚信息公示',
    PUBLICATION_COLUMNS.map((header, i) => ({ header, width: WIDTHS[i]! })),
    list.map((r) => [r.decisionNo ?? r.caseNo ?? '', r.party, r.creditCode ?? '', r.facts, r.basis, r.content, r.authority, r.decidedOn]),
  );
}
