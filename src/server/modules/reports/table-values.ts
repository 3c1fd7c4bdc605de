import { sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../contracts/calendar.js';
import type { CampaignDefinition, StatTable, TableColumn } from '../../../contracts/campaigns.js';
import { evaluate, evaluateCheck, formulaOrder, isCrossRow, parseCheck } from '../../../contracts/formula.js';
import type { CellSource, TableCellValue, TableResult } from '../../../contracts/reports.js';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { pointOf, type Measure, type MeasureFilter } from '../../core/extensions.js';
import { fromSummariesMany, lastMonthEnd } from '../../core/measure-summaries.js';
import { pathInScope } from '../../core/scope.js';
import { rows } from '../../core/sql.js';
import { getCampaignRow } from '../campaigns/public.js';
import { requestSummaryUpkeep } from './measure-start-job.js';
import { tablePeriod } from './period.js';

/**
 * What the table use cases share: which campaign table, which area (in the caller's scope and the
 * campaign's), which period; where each cell comes from; measure values per jurisdiction; formulas
 * and checks over a line's values. A line is any set of values of one row: a unit's row, a unit
 * below it in the roll-up, or the sum of rows (合计) — formulas are recomputed on each, never summed.
 */
export type Row = StatTable['rows'][number];
export type Level = 'all' | 'own' | 'below';
export interface Area {
  id: number;
  name: string;
  path: string;
}

export async function loadTable(ctx: Ctx, campaignId: number, tableKey: string, q: { jurisdictionId?: number; date?: string }) {
  const campaign = await getCampaignRow(ctx.db, ctx.actor, campaignId);
  const def = campaign.definition as CampaignDefinition;
  const table = def.tables.find((t) => t.key === tableKey);
  if (!table) throw notFound('统计表');
  const [area] = await rows<Area>(ctx.db, sql`select id, name, path from jurisdictions where id = ${q.jurisdictionId ?? ctx.actor.jurisdictionId}`);
  if (!area || !pathInScope(ctx.actor, area.path) || !area.path.startsWith(campaign.jurisdictionPath)) throw notFound('填报单位');
  const period = tablePeriod(def, table, q.date ?? shanghaiToday());
  // A cumulative table whose start the summaries do not keep yet (saved after the app started), or a
  // month end passed since the last mark: the figures are answered now all the same (raw SQL, or the
  // spans), and the summaries are built for them in the background.
  await requestSummaryUpkeep(ctx, { since: period.cumulative ? period.from : undefined, at: lastMonthEnd(shanghaiToday()) });
  return { campaign, def, table, area, period };
}

/** Where one cell's value comes from: the row's override, else its column. */
export function sourceOf(row: Row, col: TableColumn): { source: CellSource; measure?: string; level?: Level } {
  const cell = row.cells?.[col.key];
  if (cell?.blank) return { source: 'blank' };
  if (cell?.input) return { source: 'input' };
  const measure = cell?.measure ?? col.measure;
  if (measure) return { source: 'measure', measure, level: (cell?.level ?? col.level ?? 'all') as Level };
  if (col.formula) return { source: 'formula' };
  return { source: 'input' };
}

/** A measure's raw value (元, 件 …) as shown in the column: divided (万元) and rounded. */
export function scaled(n: number, col: TableColumn) {
  return col.divisor ? n / col.divisor : n;
}
export function rounded(n: number | null, col: TableColumn) {
  if (n === null) return null;
  return col.decimals === undefined ? n : Number(n.toFixed(col.decimals));
}

export function filterFor(area: Area, period: { from: string; to: string }, row: Row): MeasureFilter {
  const filter: MeasureFilter = { path: area.path, from: period.from, to: period.to };
  if (row.kinds?.length) filter.entityKinds = row.kinds;
  if (row.category) filter.category = row.category;
  return filter;
}

export function measureOf(ctx: Ctx, key: string): Measure | undefined {
  return pointOf(ctx.ext, 'measures').find((m) => m.key === key);
}

/**
 * Every measure cell's value per jurisdiction of the area's subtree (the measure's own grouping),
 * keyed `row|column`; one figure per measure × row filter. The measures kept in maintained summaries
 * are asked in one batch (one query for the table); what the summaries cannot answer, and the other
 * measures, run their own SQL. Missing implementation → absent.
 */
export async function measureMaps(ctx: Ctx, table: StatTable, area: Area, period: { from: string; to: string }) {
  const wanted = new Map<string, { m: Measure; f: MeasureFilter; cells: string[] }>();
  for (const row of table.rows)
    for (const col of table.measures) {
      const s = sourceOf(row, col);
      if (s.source !== 'measure') continue;
      const m = measureOf(ctx, s.measure!);
      if (!m) continue;
      const key = `${m.key}|${row.kinds?.join(',') ?? ''}|${row.category ?? ''}`;
      const w = wanted.get(key) ?? { m, f: filterFor(area, period, row), cells: [] };
      w.cells.push(`${row.key}|${col.key}`);
      wanted.set(key, w);
    }
  const list = [...wanted.values()];
  const kept = list.filter((w) => w.m.kept);
  const batch = await fromSummariesMany(
    ctx.db,
    kept.map((w) => ({ source: w.m.kept!.source, shape: w.m.kept!.shape, key: w.m.key, filter: w.f })),
  );
  const found = new Map(kept.map((w, i) => [w, batch[i]]));
  const out = new Map<string, Map<number, number>>();
  await Promise.all(
    list.map(async (w) => {
      const map = found.get(w) ?? (await (w.m.kept && w.m.plain ? w.m.plain : w.m.compute)(ctx.db, w.f));
      for (const c of w.cells) out.set(c, map);
    }),
  );
  return out;
}

/** The units directly below the area (the lines of a roll-up), in their order. */
export async function childrenOf(ctx: Ctx, area: Area) {
  return rows<{ id: number; name: string; path: string }>(
    ctx.db,
    sql`select id, name, path from jurisdictions where parent_id = ${area.id} order by sort_order, id`,
  );
}

/**
 * The paths of the jurisdictions the measure maps name (to fold each map into lines): only those,
 * not the area's whole subtree (a province's holds tens of thousands of townships and villages).
 */
export async function pathsOf(ctx: Ctx, maps: Map<string, Map<number, number>>): Promise<Map<number, string>> {
  const ids = new Set<number>();
  for (const m of maps.values()) for (const j of m.keys()) ids.add(j);
  if (!ids.size) return new Map();
  const list = await rows<{ id: number; path: string }>(
    ctx.db,
    sql`select id, path from jurisdictions where id = any(${`{${[...ids].join(',')}}`}::int[])`,
  );
  return new Map(list.map((j) => [j.id, j.path]));
}

/**
 * Sum of a measure map at one level for a node of the tree: all = the node's subtree, own = the
 * node itself, below = the subtree without the node.
 */
export function levelSum(map: Map<number, number>, node: { id: number; path: string }, pathOf: Map<number, string>, level: Level) {
  let all = 0;
  let own = 0;
  for (const [jid, n] of map) {
    const p = pathOf.get(jid);
    if (!p || !p.startsWith(node.path)) continue;
    all += n;
    if (jid === node.id) own += n;
  }
  return level === 'own' ? own : level === 'below' ? all - own : all;
}

/** Formula columns evaluated on a line's values (in the column's display unit), in dependency order. */
export function applyFormulas(table: StatTable, values: Record<string, number | null>) {
  for (const { col, expr } of formulaOrder(table.measures)) values[col.key] = evaluate(expr, values);
  return values;
}

/** Checks of the definition within one line (row): those that name no other row. */
export function checkLine(table: StatTable, rowKey: string, values: Record<string, number | null>): TableResult['checks'] {
  return (table.checks ?? [])
    .map((c) => ({ c, parsed: parseCheck(c.rule) }))
    .filter(({ parsed }) => !isCrossRow(parsed))
    .map(({ c, parsed }) => ({ row: rowKey, rule: c.rule, message: c.message ?? `须满足 ${c.rule}`, ok: evaluateCheck(parsed, values) }));
}

/**
 * Cross-row checks of the definition (`retail.inspected <= all.inspected`) over all lines of one
 * table, once per table; `row` is '' (the check belongs to the table, not a row).
 */
export function checkAcross(table: StatTable, lines: { key: string; values: Record<string, number | null> }[]): TableResult['checks'] {
  const flat: Record<string, number | null> = {};
  for (const l of lines) for (const [k, v] of Object.entries(l.values)) flat[`${l.key}.${k}`] = v;
  return (table.checks ?? [])
    .map((c) => ({ c, parsed: parseCheck(c.rule) }))
    .filter(({ parsed }) => isCrossRow(parsed))
    .map(({ c, parsed }) => ({ row: '', rule: c.rule, message: c.message ?? `须满足 ${c.rule}`, ok: evaluateCheck(parsed, flat) }));
}

/**
 * A table whose typed cells were filled in (a submission): formula cells and every check judged again
 * from the cells as they now stand (display values), so a rule over a typed number is shown before the
 * report goes up. Measure cells are left as computed.
 */
export function rejudge(table: StatTable, result: TableResult): TableResult {
  const cols = new Map(table.measures.map((c) => [c.key, c]));
  const lines = result.rows.map((r) => {
    const values = numbers(r.cells);
    applyFormulas(table, values);
    const cells = Object.fromEntries(
      Object.entries(r.cells).map(([k, c]) => [k, c.source === 'formula' ? { ...c, value: rounded(values[k] ?? null, cols.get(k)!) } : c]),
    );
    return { row: { ...r, cells }, values };
  });
  const checks = [
    ...lines.flatMap(({ row, values }) => checkLine(table, row.key, values)),
    ...checkAcross(
      table,
      lines.map(({ row, values }) => ({ key: row.key, values })),
    ),
  ];
  return { ...result, rows: lines.map((l) => l.row), checks };
}

/** The columns as served with a table (label, unit, source, the measure's definition, header groups). */
export function presentColumns(ctx: Ctx, table: StatTable): TableResult['columns'] {
  return table.measures.map((col) => {
    const m = col.measure ? measureOf(ctx, col.measure) : undefined;
    const source = col.measure ? 'measure' : col.formula ? 'formula' : 'input';
    return {
      key: col.key,
      label: col.label,
      unit: col.unit ?? m?.unit ?? null,
      type: col.type,
      source,
      measure: col.measure ?? null,
      definition: m?.definition ?? (col.formula ? `按公式计算：${col.formula}` : null),
      groups: col.groups ?? [],
      decimals: col.decimals ?? null,
    };
  });
}

/** Rows of a free table from values by column (a source's records, or a submission's rows): keys r1, r2, …, labels 1, 2, …. */
export function freeRows(table: StatTable, values: Record<string, string | number | boolean | null>[]): TableResult['rows'] {
  return values.map((v, i) => ({
    key: `r${i + 1}`,
    label: String(i + 1),
    cells: Object.fromEntries(table.measures.map((c) => [c.key, { value: v[c.key] ?? null, source: 'input' as const }])),
  }));
}

/** A line's numeric values from its cells (text, yes/no and empty cells as null), as formulas and checks read them. */
export const numbers = (cells: Record<string, TableCellValue>): Record<string, number | null> =>
  Object.fromEntries(Object.entries(cells).map(([k, c]) => [k, typeof c.value === 'number' ? c.value : null]));
