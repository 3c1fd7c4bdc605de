import type { TableCellValue, TableQuery, TableResult } from '../../../../contracts/reports.js';
import type { Ctx } from '../../../core/context.js';
import { pointOf } from '../../../core/extensions.js';
import {
  applyFormulas,
  checkAcross,
  freeRows,
  numbers,
  pathsOf,
  checkLine,
  levelSum,
  loadTable,
  measureMaps,
  presentColumns,
  rounded,
  scaled,
  sourceOf,
} from '../table-values.js';

/**
 * One statistical table of a campaign for one unit's area and period, live from the records: every
 * measure cell is its catalogue measure over the area's subtree (level own: records kept at the unit
 * itself; below: the units under it), with the row's entity kinds or product category as filter;
 * formula cells are computed from the row's other cells after them; the definition's row checks
 * are judged on each row, the cross-row ones once over all rows. Typed cells are null here (their values live in the unit's submission).
 */
export async function computeTable(ctx: Ctx, campaignId: number, tableKey: string, q: TableQuery): Promise<TableResult> {
  const { table, area, period } = await loadTable(ctx, campaignId, tableKey, q);
  const head = {
    campaignId,
    tableKey,
    label: table.label,
    note: table.note ?? null,
    period: { from: period.from, to: period.to, label: period.label },
    cumulative: period.cumulative,
    jurisdiction: { id: area.id, name: area.name },
    columns: presentColumns(ctx, table),
  };
  if (table.rowMode === 'free') {
    // Rows the unit reports one by one (问题清单): the area's records of the period from the definition's
    // source, each mapped column filled; every cell stays the unit's to correct (source input).
    const source = table.rowsFrom && pointOf(ctx.ext, 'tableRowSources').find((x) => x.key === table.rowsFrom!.source);
    const records = source ? await source.rows(ctx.db, { path: area.path, from: period.from, to: period.to }) : [];
    const rows = freeRows(
      table,
      records.map((rec) => Object.fromEntries(Object.entries(table.rowsFrom!.columns).map(([col, field]) => [col, rec[field] ?? null]))),
    );
    return { ...head, rows, free: true, checks: rows.flatMap((r) => checkLine(table, r.key, numbers(r.cells))) };
  }
  const maps = await measureMaps(ctx, table, area, period);
  const pathOf = await pathsOf(ctx, maps);

  const checks: TableResult['checks'] = [];
  const lines: { key: string; values: Record<string, number | null> }[] = [];
  const outRows = table.rows.map((row) => {
    const cells: Record<string, TableCellValue> = {};
    const values: Record<string, number | null> = {};
    for (const col of table.measures) {
      const s = sourceOf(row, col);
      if (s.source !== 'measure') {
        cells[col.key] = { value: null, source: s.source };
        values[col.key] = null;
        continue;
      }
      const map = maps.get(`${row.key}|${col.key}`);
      // No implementation yet: the cell stays empty (the catalogue says "未实现"), never 0.
      values[col.key] = map ? scaled(levelSum(map, area, pathOf, s.level!), col) : null;
      cells[col.key] = { value: rounded(values[col.key], col), source: 'measure', measure: s.measure };
    }
    applyFormulas(table, values);
    for (const col of table.measures)
      if (cells[col.key].source === 'formula') cells[col.key] = { value: rounded(values[col.key], col), source: 'formula' };
    checks.push(...checkLine(table, row.key, values));
    lines.push({ key: row.key, values });
    return { key: row.key, label: row.label, cells };
  });
  checks.push(...checkAcross(table, lines));

  return { ...head, rows: outRows, checks };
}
