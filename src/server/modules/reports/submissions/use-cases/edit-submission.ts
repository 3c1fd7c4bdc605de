import { eq } from 'drizzle-orm';
import type { TableResult } from '../../../../../contracts/reports.js';
import type { EditSubmissionInput, SubmissionContent, SubmissionStatus, SubmissionView } from '../../../../../contracts/submissions.js';
import { reportSubmissions } from '../../../../../db/schema/index.js';
import { audit } from '../../../../core/audit.js';
import type { Ctx } from '../../../../core/context.js';
import { AppError, invalid } from '../../../../core/errors.js';
import { assertVersion, updateVersioned } from '../../../../core/versions.js';
import { currentBrief, presentSubmissionById } from '../presenter.js';
import { factsOf, isNarrative, loadSubmission } from '../queries.js';
import { submissionTable } from '../table.js';
import { EDITABLE, submissionWorkflow } from '../workflow.js';

/** What is wrong with a typed value for its column (null: nothing); `where` names the row. */
function cellProblem(col: TableResult['columns'][number], value: unknown, where: string): string | null {
  if (value === null) return null;
  const numeric = col.type === 'number' || col.type === 'money';
  if (numeric && (typeof value !== 'number' || value < 0 || value > 1e12)) return `${where}“${col.label}”须为不小于0的数字`;
  if (numeric && col.type === 'number' && !Number.isInteger(value) && col.decimals == null) return `${where}“${col.label}”须为整数`;
  if (col.type === 'text' && typeof value !== 'string') return `${where}“${col.label}”须为文字`;
  if (col.type === 'boolean' && typeof value !== 'boolean') return `${where}“${col.label}”须为是或否`;
  return null;
}

const locked = (status: string) =>
  new AppError('ILLEGAL_TRANSITION', status === 'accepted' ? '报送已受理，不能再修改' : '报送已提交审核或已上报，撤回后才能修改', 409);

/**
 * The liaison saves the draft (or a returned report): narrative sections by title, typed table
 * cells checked against their column's type (only cells the definition leaves to the unit), the rows
 * of a table of free rows (the whole list, each value checked the same way), a title for items
 * reported one by one. Versioned; audited with before and after.
 */
export async function editSubmission(ctx: Ctx, id: number, input: EditSubmissionInput): Promise<SubmissionView> {
  const sc = await loadSubmission(ctx, id);
  await assertVersion(sc.row.version, input.version, () => presentSubmissionById(ctx, id));
  if (!EDITABLE.includes(sc.row.status as SubmissionStatus)) throw locked(sc.row.status);
  submissionWorkflow.take(ctx.actor, 'edit', sc.row.status as SubmissionStatus, { facts: factsOf(ctx.actor, sc) });
  const before = sc.row.content as SubmissionContent;
  const next: SubmissionContent = { ...before };
  const issues: { path: string; message: string }[] = [];

  if (input.sections) {
    if (!isNarrative(sc.obligation)) throw invalid('该报送事项为统计表，没有文字部分');
    const titles = (sc.obligation.form.sections ?? []).map((s) => s.title);
    for (const s of input.sections) if (!titles.includes(s.title)) issues.push({ path: 'sections', message: `没有“${s.title}”这一部分` });
    next.sections = titles.map((t) => ({
      title: t,
      text: input.sections!.find((s) => s.title === t)?.text ?? before.sections?.find((s) => s.title === t)?.text ?? '',
    }));
  }
  const table = input.cells || input.freeRows ? await submissionTable(ctx, sc) : null;
  if ((input.cells || input.freeRows) && !table) throw invalid('该报送事项没有统计表');
  if (input.freeRows) {
    if (!table!.free) throw invalid('该统计表的行是固定的，请按单元格填写', [{ path: 'freeRows', message: '该统计表的行是固定的' }]);
    const cols = new Map(table!.columns.map((c) => [c.key, c]));
    next.freeRows = input.freeRows.map((row, i) => {
      for (const [colKey, value] of Object.entries(row)) {
        const col = cols.get(colKey);
        if (!col) issues.push({ path: `freeRows.${i}.${colKey}`, message: `第${i + 1}行：统计表中没有“${colKey}”这一列` });
        else {
          const problem = cellProblem(col, value, `第${i + 1}行`);
          if (problem) issues.push({ path: `freeRows.${i}.${colKey}`, message: problem });
        }
      }
      return Object.fromEntries([...cols.keys()].map((k) => [k, row[k] ?? null]));
    });
  }
  if (input.cells && table!.free && Object.keys(input.cells).length)
    issues.push({ path: 'cells', message: '该统计表由填报单位逐行填写，请按行填写（freeRows）' });
  else if (input.cells) {
    const cells = structuredClone(before.cells ?? {});
    for (const [rowKey, row] of Object.entries(input.cells)) {
      const r = table!.rows.find((x) => x.key === rowKey);
      for (const [colKey, value] of Object.entries(row)) {
        const col = table!.columns.find((c) => c.key === colKey);
        const path = `cells.${rowKey}.${colKey}`;
        if (!r || !col) {
          issues.push({ path, message: '统计表中没有该单元格' });
          continue;
        }
        if (r.cells[colKey]?.source !== 'input') {
          issues.push({ path, message: `${r.label}“${col.label}”由记录计算，不能填写` });
          continue;
        }
        const problem = cellProblem(col, value, r.label);
        if (problem) issues.push({ path, message: problem });
        (cells[rowKey] ??= {})[colKey] = value;
      }
    }
    next.cells = cells;
  }
  if (input.title !== undefined) next.title = input.title || undefined;
  if (issues.length) throw invalid(issues.map((i) => i.message).join('；'), issues);

  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(reportSubmissions).where(eq(reportSubmissions.id, id)).for('update');
    if (!EDITABLE.includes(row.status as SubmissionStatus)) throw locked(row.status);
    await updateVersioned(tx, reportSubmissions, id, input.version, { content: next, updatedAt: new Date() }, () => currentBrief(tx, id));
    await audit(tx, ctx, {
      action: 'report_submission.edit',
      entityType: 'report_submission',
      entityId: id,
      jurisdictionId: row.jurisdictionId,
      summary: `修改报送：${sc.unit?.name ?? ''}“${sc.obligation.label}”`,
      before: before,
      after: next,
    });
  });
  return presentSubmissionById(ctx, id);
}
