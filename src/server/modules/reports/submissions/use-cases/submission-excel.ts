import type { Ctx } from '../../../../core/context.js';
import { AppError } from '../../../../core/errors.js';
import { statTableWorkbook } from '../../workbook.js';
import { loadSubmission } from '../queries.js';
import { submissionTable } from '../table.js';

/**
 * The table a submission reports, as Excel in the plan's layout (title, 填报单位, 时间, headers, 注):
 * the frozen snapshot once sent up — the figures as the unit reported them, whatever was recorded
 * since — else the live values with the unit's typed cells. A narrative report has no table → 404.
 */
export async function submissionExcel(ctx: Ctx, id: number): Promise<{ bytes: Buffer; fileName: string }> {
  const sc = await loadSubmission(ctx, id);
  const table = await submissionTable(ctx, sc);
  if (!table) throw new AppError('NO_TABLE', '该报送没有统计表（文字报告请下载Word）', 404);
  const unitName = sc.unit?.name ?? '报送单位';
  return {
    bytes: await statTableWorkbook(table),
    fileName: `${unitName}-${table.label}${sc.row.dueDate ? `-${sc.row.dueDate}` : ''}.xlsx`,
  };
}
