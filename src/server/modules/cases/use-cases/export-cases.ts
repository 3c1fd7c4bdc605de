import { sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import { CASE_PROCEDURES, type CaseListFilter } from '../../../../contracts/cases.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { tableWorkbook } from '../../../core/xlsx.js';
import { caseListSql, presentListRow, type CaseListRow } from '../list-query.js';

/** The case list as Excel (same filters as the list, up to 20,000 rows). */
export async function exportCases(ctx: Ctx, q: CaseListFilter): Promise<Buffer> {
  const today = shanghaiToday();
  const list = await rows<CaseListRow>(ctx.db, caseListSql(ctx.actor, q, today, sql`limit 20000`));
  return tableWorkbook(
    '案件',
    [
      { header: '案件编号', width: 24 },
      { header: '程序', width: 10 },
      { header: '当事人', width: 30 },
      { header: '统一社会信用代码', width: 22 },
      { header: '监管所', width: 18 },
      { header: '违法类型', width: 30 },
      { header: '状态', width: 14 },
      { header: '立案日期', width: 12 },
      { header: '办案期限', width: 12 },
      { header: '决定日期', width: 12 },
      { header: '罚款（元）', width: 14 },
      { header: '货值金额（元）', width: 14 },
      { header: '挂牌督办', width: 10 },
      { header: '移送公安', width: 10 },
    ],
    list.map((r) => {
      const x = presentListRow(r, today);
      return [
        x.caseNo ?? '（待立案）',
        CASE_PROCEDURES[x.procedure],
        x.entityName,
        r.credit_code ?? '',
        x.stationName,
        x.violationLabel,
        x.statusLabel + (x.decisionDue?.overdue ? '（超期）' : ''),
        x.filedOn ?? '',
        x.decisionDue?.date ?? '',
        x.decidedOn ?? '',
        x.fine ?? '',
        Number(r.goods_value),
        x.supervised ? '是' : '',
        x.referred ? '是' : '',
      ];
    }),
  );
}
