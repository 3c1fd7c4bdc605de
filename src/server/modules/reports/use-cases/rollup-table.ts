import type { StatTable } from '../../../../contracts/campaigns.js';
import type { RollupQuery, RollupResult } from '../../../../contracts/reports.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import {
  applyFormulas,
  childrenOf,
  levelSum,
  loadTable,
  measureMaps,
  pathsOf,
  presentColumns,
  rounded,
  scaled,
  sourceOf,
  type Level,
} from '../table-values.js';

type Node = { id: number; path: string };

/**
 * The roll-up grid (逐级汇总) of one table: a line per unit directly below the chosen area (stations
 * under a county, counties under a city …) and a line for the area's own level (本级: records kept at
 * the area itself), each with every column's value for one row of the table or the sum of its rows
 * (合计: measure columns added over the rows, formula columns recomputed on the sums, never summed);
 * totals are the area's own table values; lines ranked by a chosen column.
 */
export async function rollupTable(ctx: Ctx, campaignId: number, tableKey: string, q: RollupQuery): Promise<RollupResult> {
  const { table, area, period } = await loadTable(ctx, campaignId, tableKey, q);
  const rowsWanted = q.row ? table.rows.filter((r) => r.key === q.row) : table.rows;
  if (q.row && !rowsWanted.length) throw new AppError('UNKNOWN_ROW', `统计表没有“${q.row}”这一行`, 400);
  if (q.sort && !table.measures.some((m) => m.key === q.sort)) throw new AppError('UNKNOWN_COLUMN', `统计表没有“${q.sort}”这一列`, 400);
  const [maps, children] = await Promise.all([measureMaps(ctx, table, area, period), childrenOf(ctx, area)]);
  const pathOf = await pathsOf(ctx, maps);

  /** A line's values: `node` with the level map (the own-level line counts only the node itself). */
  const lineValues = (node: Node, levelFor: (l: Level) => Level | null) => {
    const values: Record<string, number | null> = {};
    for (const col of table.measures) {
      let sum: number | null = null;
      for (const row of rowsWanted) {
        const s = sourceOf(row, col);
        if (s.source !== 'measure') continue;
        const map = maps.get(`${row.key}|${col.key}`);
        const level = levelFor(s.level!);
        if (!map || !level) continue;
        sum = (sum ?? 0) + levelSum(map, node, pathOf, level);
      }
      values[col.key] = sum === null ? null : scaled(sum, col);
    }
    applyFormulas(table, values);
    return roundAll(table, values);
  };

  // Below the area: a unit's line counts its whole subtree for all/below columns, itself for own.
  const childLevel = (l: Level): Level => (l === 'own' ? 'own' : 'all');
  const lines: RollupResult['lines'] = children.map((c) => ({
    jurisdictionId: c.id,
    name: c.name,
    own: false,
    values: lineValues(c, childLevel),
    rank: null,
    submissions: null,
  }));
  // The area's own level (局机关): records kept at the area itself; a 'below' column has none there.
  const ownValues = (() => {
    const values: Record<string, number | null> = {};
    for (const col of table.measures) {
      let sum: number | null = null;
      for (const row of rowsWanted) {
        const s = sourceOf(row, col);
        const map = s.source === 'measure' ? maps.get(`${row.key}|${col.key}`) : undefined;
        if (!map || s.level === 'below') continue;
        sum = (sum ?? 0) + (map.get(area.id) ?? 0);
      }
      values[col.key] = sum === null ? null : scaled(sum, col);
    }
    applyFormulas(table, values);
    return roundAll(table, values);
  })();
  lines.push({ jurisdictionId: area.id, name: `${area.name}（本级）`, own: true, values: ownValues, rank: null, submissions: null });
  const totals = lineValues(area, (l) => l);

  if (q.sort) {
    const k = q.sort;
    lines.sort((a, b) => (b.values[k] ?? -Infinity) - (a.values[k] ?? -Infinity));
    let rank = 0;
    let prev: number | null = null;
    lines.forEach((l, i) => {
      const v = l.values[k];
      if (v === null || v === undefined) return;
      if (v !== prev) rank = i + 1;
      prev = v;
      l.rank = rank;
    });
  }

  const row = q.row ? rowsWanted[0] : null;
  return {
    campaignId,
    tableKey,
    label: table.label,
    period: { from: period.from, to: period.to, label: period.label },
    cumulative: period.cumulative,
    jurisdiction: { id: area.id, name: area.name },
    row: { key: row?.key ?? null, label: row?.label ?? '合计' },
    columns: presentColumns(ctx, table),
    sort: q.sort ?? null,
    lines,
    totals,
  };
}

function roundAll(table: StatTable, values: Record<string, number | null>) {
  for (const col of table.measures) values[col.key] = rounded(values[col.key], col);
  return values;
}
