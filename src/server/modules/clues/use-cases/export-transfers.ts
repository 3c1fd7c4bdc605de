import { TRANSFER_STATUSES, TRANSFER_TARGETS } from '../../../../contracts/clues.js';
import type { Ctx } from '../../../core/context.js';
import { tableWorkbook } from '../../../core/xlsx.js';
import { listTransfers, type ListTransfersQuery } from './list-transfers.js';

/** 移交台账 with the list's filters as an Excel file. */
export async function exportTransfers(ctx: Ctx, q: Omit<ListTransfersQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const { items } = await listTransfers(ctx, { ...q, page: 1, pageSize: 50000 });
  return tableWorkbook(
    '移交台账',
    [
      { header: '移交日期', width: 12 },
      { header: '线索', width: 36 },
      { header: '移交对象', width: 14 },
      { header: '接收单位', width: 28 },
      { header: '移交函文号', width: 20 },
      { header: '状态', width: 10 },
      { header: '回执日期', width: 12 },
      { header: '所属辖区', width: 16 },
    ],
    items.map((t) => [
      t.transferredOn,
      t.clueSummary ?? (t.caseId ? `案件 #${t.caseId}` : ''),
      TRANSFER_TARGETS[t.target],
      t.receivingBody,
      t.letterNo ?? '',
      TRANSFER_STATUSES[t.status],
      t.receiptOn ?? '',
      t.jurisdictionName,
    ]),
  );
}
