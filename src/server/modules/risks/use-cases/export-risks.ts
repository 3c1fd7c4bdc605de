import { sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import {
  RISK_CATEGORIES,
  RISK_CHANNELS,
  RISK_GRADES,
  RISK_PRODUCT_TAGS,
  RISK_STATUSES,
  type ListRisksQuery,
  type RiskProductTag,
} from '../../../../contracts/risks.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { tableWorkbook } from '../../../core/xlsx.js';
import { riskFilter } from '../list-query.js';
import { presentRiskItem } from '../presenter.js';
import { RISK_COLUMNS, RISK_FROM, type RiskRow } from '../queries.js';

const EXPORT_MAX = 50_000;

/** 风险隐患排查台账 with the list's filters as an Excel file. */
export async function exportRisks(ctx: Ctx, q: Omit<ListRisksQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const today = shanghaiToday();
  const list = await rows<RiskRow & { description: string }>(
    ctx.db,
    sql`select ${RISK_COLUMNS} from ${RISK_FROM} where ${riskFilter(ctx, q, today)} order by r.found_on, r.id limit ${EXPORT_MAX}`,
  );
  return tableWorkbook(
    '风险隐患排查台账',
    [
      { header: '发现日期', width: 12 },
      { header: '所属单位', width: 14 },
      { header: '发现渠道', width: 12 },
      { header: '产品类别', width: 10 },
      { header: '重点产品', width: 16 },
      { header: '风险隐患', width: 30 },
      { header: '风险描述', width: 40 },
      { header: '风险等级', width: 8 },
      { header: '涉及单位', width: 30 },
      { header: '管控措施', width: 30 },
      { header: '责任人', width: 10 },
      { header: '管控期限', width: 12 },
      { header: '状态', width: 10 },
      { header: '逾期天数', width: 8 },
      { header: '销号日期', width: 12 },
      { header: '验收人', width: 10 },
    ],
    list.map((r) => {
      const x = presentRiskItem(ctx, r, false, today);
      return [
        x.foundOn,
        x.stationName,
        RISK_CHANNELS[x.channel],
        RISK_CATEGORIES[x.category],
        x.productTags.map((t) => RISK_PRODUCT_TAGS[t as RiskProductTag] ?? t).join('、'),
        x.title,
        r.description,
        RISK_GRADES[x.level],
        x.entities.map((e) => e.name).join('、'),
        x.controlMeasure ?? '',
        x.owner.name,
        x.deadline,
        RISK_STATUSES[x.status],
        x.daysOverdue || '',
        x.closedOn ?? '',
        x.closedBy?.name ?? '',
      ];
    }),
  );
}
