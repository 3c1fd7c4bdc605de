import { and, desc, eq, lt, ne } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { Obligation } from '../../../../contracts/campaigns.js';
import { parseCheck, refsOf } from '../../../../contracts/formula.js';
import type { TableResult } from '../../../../contracts/reports.js';
import { countChars, type SubmissionCheck, type SubmissionContent } from '../../../../contracts/submissions.js';
import type { DbOrTx } from '../../../../db/client.js';
import { reportSubmissions } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { freeRows, rejudge } from '../table-values.js';
import { computeTable } from '../use-cases/compute-table.js';
import { dataDate, isNarrative, type SubmissionContext } from './queries.js';

/** Typed cells into the live table: only cells the definition leaves to the unit (source input). */
export function withTypedCells(table: TableResult, cells: SubmissionContent['cells']): TableResult {
  return {
    ...table,
    rows: table.rows.map((r) => ({
      ...r,
      cells: Object.fromEntries(
        Object.entries(r.cells).map(([k, c]) => [k, c.source === 'input' ? { ...c, value: cells?.[r.key]?.[k] ?? null } : c]),
      ),
    })),
  };
}

/**
 * The submission's table: the frozen snapshot once sent up, else the live values of the unit's
 * area for the period it reports (computeTable) with the unit's typed cells — for a table of free
 * rows, the unit's saved rows, or until it saves any, the rows its records give.
 */
export async function submissionTable(ctx: Ctx, sc: SubmissionContext): Promise<TableResult | null> {
  if (!sc.table) return null;
  if (sc.row.snapshot) return sc.row.snapshot as TableResult;
  const today = shanghaiToday();
  const q = { jurisdictionId: sc.row.jurisdictionId, date: dataDate(sc.table, sc.row.dueDate, today) };
  let live: TableResult;
  try {
    live = await computeTable(ctx, sc.row.campaignId, sc.table.key, q);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'PERIOD_OUTSIDE_CAMPAIGN' || q.date === (sc.row.dueDate ?? today)) throw e;
    live = await computeTable(ctx, sc.row.campaignId, sc.table.key, { ...q, date: sc.row.dueDate ?? today });
  }
  const content = sc.row.content as SubmissionContent;
  // A table of free rows: the unit's rows once it has saved some, else the rows the records give.
  if (live.free) return rejudge(sc.table, content.freeRows ? { ...live, rows: freeRows(sc.table, content.freeRows) } : live);
  // Formulas and the definition's checks judged again with the typed numbers in.
  return rejudge(sc.table, withTypedCells(live, content.cells));
}

/** The table of the unit's last accepted submission of the same obligation before this one (cumulative tables). */
export async function previousAccepted(db: DbOrTx, sc: SubmissionContext): Promise<TableResult | null> {
  if (!sc.table?.cumulativeFrom || !sc.row.dueDate) return null;
  const [prev] = await db
    .select({ snapshot: reportSubmissions.snapshot })
    .from(reportSubmissions)
    .where(
      and(
        eq(reportSubmissions.campaignId, sc.row.campaignId),
        eq(reportSubmissions.obligationKey, sc.row.obligationKey),
        eq(reportSubmissions.orgUnitId, sc.row.orgUnitId),
        eq(reportSubmissions.status, 'accepted'),
        lt(reportSubmissions.dueDate, sc.row.dueDate),
        ne(reportSubmissions.id, sc.row.id),
      ),
    )
    .orderBy(desc(reportSubmissions.dueDate))
    .limit(1);
  return (prev?.snapshot as TableResult | undefined) ?? null;
}

/**
 * What is checked before a submission goes up:
 *  - a narrative section below its minimum (字数, whitespace not counted): error;
 *  - a typed cell left empty: warning (a unit may have nothing to report in it);
 *  - a cumulative table's value below the unit's previous accepted submission: an error for a typed
 *    cell (a cumulative count typed lower is a typing mistake: it blocks), a warning for a computed
 *    cell (a withdrawn record can lower it legitimately, and the unit cannot change it anyway);
 *  - a check of the table definition that fails (within a row or across rows): an error when it
 *    involves a typed cell (the unit can correct it), else a warning (the records say so).
 */
export function checksOf(o: Obligation, content: SubmissionContent, table: TableResult | null, previous: TableResult | null): SubmissionCheck[] {
  const out: SubmissionCheck[] = [];
  if (isNarrative(o))
    for (const s of o.form.sections ?? []) {
      const text = content.sections?.find((x) => x.title === s.title)?.text ?? '';
      const n = countChars(text);
      if (s.minChars && n < s.minChars)
        out.push({ level: 'error', message: `“${s.title}”不少于${s.minChars}字，现为${n}字`, row: null, column: s.title });
      else if (!n) out.push({ level: 'warning', message: `“${s.title}”尚未填写`, row: null, column: s.title });
    }
  if (table) {
    const label = new Map(table.columns.map((c) => [c.key, c.label]));
    const rowOf = new Map(table.rows.map((r) => [r.key, r]));
    for (const c of table.checks.filter((x) => x.ok === false)) {
      const cells = refsOf(parseCheck(c.rule)).map((ref) => {
        const [row, col] = ref.includes('.') ? (ref.split('.') as [string, string]) : [c.row, ref];
        return { row, col, source: rowOf.get(row)?.cells[col]?.source };
      });
      const typed = cells.find((x) => x.source === 'input');
      const where = c.row ? `${rowOf.get(c.row)?.label ?? c.row}：` : '';
      out.push({
        level: typed ? 'error' : 'warning',
        message: `${where}${c.message}（${c.rule}）`,
        row: typed?.row ?? cells[0]?.row ?? c.row,
        column: typed?.col ?? cells[0]?.col ?? null,
        rule: c.rule,
      });
    }
    for (const r of table.rows)
      for (const [k, c] of Object.entries(r.cells)) {
        if (c.source === 'input' && c.value == null)
          out.push({ level: 'warning', message: `${r.label}“${label.get(k)}”尚未填写`, row: r.key, column: k });
        const before = previous?.rows.find((x) => x.key === r.key)?.cells[k]?.value;
        if (typeof before === 'number' && typeof c.value === 'number' && c.value < before)
          out.push({
            level: c.source === 'input' ? 'error' : 'warning',
            message: `${r.label}“${label.get(k)}”为累计数，本次${c.value}小于上次已受理报送的${before}`,
            row: r.key,
            column: k,
          });
      }
  }
  return out;
}
