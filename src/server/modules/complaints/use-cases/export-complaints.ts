import { COMPLAINT_CHANNELS, COMPLAINT_KINDS, COMPLAINT_STATUSES, type ListComplaintsQuery } from '../../../../contracts/complaints.js';
import type { Ctx } from '../../../core/context.js';
import { tableWorkbook } from '../../../core/xlsx.js';
import { listComplaints } from './list-complaints.js';

/** 投诉举报台账 with the list's filters as an Excel file (no reporter's phone: personal data stays in the system). */
export async function exportComplaints(ctx: Ctx, q: Omit<ListComplaintsQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const { items } = await listComplaints(ctx, { ...q, page: 1, pageSize: 5000 });
  const due = (c: (typeof items)[number], key: 'accept' | 'inform') => c.deadlines.find((d) => d.key === key);
  return tableWorkbook(
    '投诉举报',
    [
      { header: '收到日期', width: 12 },
      { header: '类别', width: 8 },
      { header: '渠道', width: 14 },
      { header: '平台编号', width: 18 },
      { header: '摘要', width: 36 },
      { header: '被投诉举报对象', width: 26 },
      { header: '实名', width: 6 },
      { header: '状态', width: 10 },
      { header: '受理期限', width: 12 },
      { header: '受理/不予受理日期', width: 16 },
      { header: '告知期限', width: 12 },
      { header: '告知日期', width: 12 },
      { header: '答复日期', width: 12 },
      { header: '逾期', width: 8 },
      { header: '所属辖区', width: 16 },
    ],
    items.map((c) => [
      c.receivedOn,
      COMPLAINT_KINDS[c.kind],
      COMPLAINT_CHANNELS[c.channel],
      c.platformNo ?? '',
      c.summary,
      c.subjectName ?? '',
      c.realName ? '是' : '否',
      COMPLAINT_STATUSES[c.status],
      due(c, 'accept')?.due ?? '',
      c.acceptedOn ?? c.refusedOn ?? '',
      due(c, 'inform')?.due ?? '',
      c.informedOn ?? '',
      c.repliedOn ?? '',
      c.overdue ? '逾期' : '',
      c.jurisdictionName,
    ]),
  );
}
