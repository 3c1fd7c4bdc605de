import { sql } from 'drizzle-orm';
import { RISK_CATEGORIES, type ListCommonRisksQuery } from '../../../../contracts/risks.js';
import type { Ctx } from '../../../core/context.js';
import { tableWorkbook } from '../../../core/xlsx.js';
import { commonFilter, selectCommonRisks } from '../common.js';

/** 附件3's first columns: 发现的共性风险隐患, 管控措施, 是否排除隐患 (plus units and members) as Excel. */
export async function exportCommonRisks(ctx: Ctx, q: Omit<ListCommonRisksQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const list = await selectCommonRisks(ctx.db, commonFilter(ctx, q), sql`order by c.created_at, c.id limit 50000`);
  return tableWorkbook(
    '共性风险隐患',
    [
      { header: '序号', width: 6 },
      { header: '发现的共性风险隐患', width: 40 },
      { header: '产品类别', width: 10 },
      { header: '分析研判', width: 40 },
      { header: '管控措施', width: 40 },
      { header: '是否排除隐患', width: 12 },
      { header: '所属单位', width: 14 },
      { header: '涉及单位', width: 40 },
      { header: '风险隐患数', width: 10 },
      { header: '检查问题数', width: 10 },
    ],
    list.map((c, i) => [
      i + 1,
      c.title,
      RISK_CATEGORIES[c.category],
      c.analysis ?? '',
      c.control_measure,
      c.removed ? '是' : '否',
      c.station_name,
      (c.entities ?? []).map((e) => e.name).join('、'),
      (c.risks ?? []).length,
      (c.findings ?? []).length,
    ]),
  );
}
