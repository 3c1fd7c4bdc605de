import { sql } from 'drizzle-orm';
import { CLUE_SOURCES, CLUE_STATUSES, type ListCluesQuery } from '../../../../contracts/clues.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { tableWorkbook } from '../../../core/xlsx.js';
import { workCalendar } from '../../calendar/public.js';
import { CLUE_COLUMNS, CLUE_FROM, presentClueRow, type ClueRow } from '../presenter.js';
import { clueFilter } from '../list-query.js';

/** 线索 with the list's filters as an Excel file. */
export async function exportClues(ctx: Ctx, q: Omit<ListCluesQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const [list, cal] = await Promise.all([
    rows<ClueRow>(
      ctx.db,
      sql`select ${CLUE_COLUMNS} from ${CLUE_FROM} where ${clueFilter(ctx, q)} order by c.received_on desc, c.id desc limit 50000`,
    ),
    workCalendar(ctx.db),
  ]);
  return tableWorkbook(
    '线索',
    [
      { header: '线索编号', width: 10 },
      { header: '收到日期', width: 12 },
      { header: '来源', width: 14 },
      { header: '摘要', width: 36 },
      { header: '涉及对象', width: 28 },
      { header: '所属辖区', width: 16 },
      { header: '承办人', width: 10 },
      { header: '状态', width: 10 },
      { header: '核查决定期限', width: 14 },
      { header: '决定理由', width: 30 },
      { header: '案件编号', width: 20 },
    ],
    list.map((r) => {
      const c = presentClueRow(ctx.actor, r, cal);
      return [
        c.id,
        c.receivedOn,
        CLUE_SOURCES[c.source],
        c.summary,
        c.subjectName ?? '',
        c.jurisdictionName,
        c.handler?.name ?? '',
        CLUE_STATUSES[c.status],
        c.decideBy ?? '',
        c.decisionReason ?? '',
        c.caseNo ?? (c.caseId ? `#${c.caseId}` : ''),
      ];
    }),
  );
}
