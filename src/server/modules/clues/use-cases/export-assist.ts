import { ASSIST_DIRECTIONS, ASSIST_STATUSES } from '../../../../contracts/clues.js';
import type { Ctx } from '../../../core/context.js';
import { tableWorkbook } from '../../../core/xlsx.js';
import { listAssist, type ListAssistQuery } from './list-assist.js';

/** 协查函台账 with the list's filters as an Excel file. */
export async function exportAssist(ctx: Ctx, q: Omit<ListAssistQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const { items } = await listAssist(ctx, { ...q, page: 1, pageSize: 50000 });
  return tableWorkbook(
    '协查函台账',
    [
      { header: '发出/收到', width: 10 },
      { header: '日期', width: 12 },
      { header: '文号', width: 22 },
      { header: '对方单位', width: 26 },
      { header: '协查事项', width: 30 },
      { header: '回复期限', width: 12 },
      { header: '状态', width: 10 },
      { header: '是否逾期', width: 10 },
      { header: '回复日期', width: 12 },
      { header: '回复内容', width: 40 },
    ],
    items.map((a) => [
      ASSIST_DIRECTIONS[a.direction],
      a.date,
      a.letterNo ?? '',
      a.counterpart,
      a.subject,
      a.dueOn,
      ASSIST_STATUSES[a.status],
      a.overdue ? '逾期' : '',
      a.repliedOn ?? '',
      a.replyContent ?? '',
    ]),
  );
}
