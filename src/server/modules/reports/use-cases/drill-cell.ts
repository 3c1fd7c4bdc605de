import { sql } from 'drizzle-orm';
import { DRILL_PAGE_SIZE, type DrillQuery, type DrillResult } from '../../../../contracts/reports.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import type { Measure, MeasureFilter } from '../../../core/extensions.js';
import { rows } from '../../../core/sql.js';
import { childrenOf, filterFor, loadTable, measureOf, sourceOf } from '../table-values.js';

type Source = { filter: MeasureFilter; jurisdictionId?: number };

/**
 * The records behind one cell (the list a leader opens when a number looks wrong): the cell's
 * measure asked for its records with the same filter the table computed it with, paged. A level
 * `own` cell (or the roll-up's 本级 line) lists the records kept at the area itself; `below` lists
 * those of the units under it, child by child. Typed and formula cells have no records (400).
 */
export async function drillCell(ctx: Ctx, campaignId: number, tableKey: string, q: DrillQuery): Promise<DrillResult> {
  const { table, area, period } = await loadTable(ctx, campaignId, tableKey, q);
  if (!q.row || !q.column) throw new AppError('CELL_REQUIRED', '请指定统计表的行和列', 400);
  const row = table.rows.find((r) => r.key === q.row);
  if (!row) throw new AppError('UNKNOWN_ROW', `统计表没有“${q.row}”这一行`, 400);
  const col = table.measures.find((c) => c.key === q.column);
  if (!col) throw new AppError('UNKNOWN_COLUMN', `统计表没有“${q.column}”这一列`, 400);
  const s = sourceOf(row, col);
  if (s.source !== 'measure')
    throw new AppError('CELL_NOT_COMPUTED', `“${row.label}·${col.label}”不是由记录计算的数（${s.source === 'formula' ? '公式计算' : '填报或不适用'}），没有明细`, 400);
  const m = measureOf(ctx, s.measure!);
  if (!m) throw new AppError('MEASURE_NOT_IMPLEMENTED', `指标“${s.measure}”尚未实现，暂无明细`, 409);
  if (!m.drill) throw new AppError('DRILL_NOT_IMPLEMENTED', `指标“${m.label}”暂不支持查看明细`, 409);

  const base = filterFor(area, period, row);
  let sources: Source[];
  if (q.only === 'own' || s.level === 'own') sources = q.only === 'own' && s.level === 'below' ? [] : [{ filter: base, jurisdictionId: area.id }];
  else if (s.level === 'below') {
    sources = (await childrenOf(ctx, area)).map((c) => ({ filter: { ...base, path: c.path } }));
  } else sources = [{ filter: base }];

  const { total, list } = await pageOver(ctx, m, sources, (q.page - 1) * DRILL_PAGE_SIZE, DRILL_PAGE_SIZE);
  const jids = [...new Set(list.map((r) => r.jurisdictionId))];
  const names = new Map(
    jids.length
      ? (
          await rows<{ id: number; name: string }>(
            ctx.db,
            sql`select id, name from jurisdictions where id in (${sql.join(
              jids.map((j) => sql`${j}`),
              sql`, `,
            )})`,
          )
        ).map((j) => [j.id, j.name])
      : [],
  );
  return {
    measure: m.key,
    label: `${row.label}·${col.label}`,
    definition: m.definition,
    jurisdiction: { id: area.id, name: area.name },
    period: { from: period.from, to: period.to, label: period.label },
    total,
    page: q.page,
    pageSize: DRILL_PAGE_SIZE,
    rows: list.map((r) => ({
      type: r.type,
      id: r.id,
      label: r.label,
      date: r.date,
      jurisdictionId: r.jurisdictionId,
      jurisdictionName: names.get(r.jurisdictionId) ?? null,
      entityId: r.entityId ?? null,
      entityName: r.entityName ?? null,
    })),
  };
}

/** One page over several sources in order (the units below an area, one after another). */
async function pageOver(ctx: Ctx, m: Measure, sources: Source[], offset: number, limit: number) {
  type Rows = Awaited<ReturnType<NonNullable<Measure['drill']>>>['rows'];
  if (sources.length === 1) {
    const r = await m.drill!(ctx.db, sources[0].filter, { jurisdictionId: sources[0].jurisdictionId, limit, offset });
    return { total: r.total, list: r.rows };
  }
  const totals = await Promise.all(
    sources.map(async (s) => (await m.drill!(ctx.db, s.filter, { jurisdictionId: s.jurisdictionId, limit: 0, offset: 0 })).total),
  );
  const list: Rows = [];
  let skip = offset;
  for (let i = 0; i < sources.length && list.length < limit; i++) {
    if (skip >= totals[i]) {
      skip -= totals[i];
      continue;
    }
    const r = await m.drill!(ctx.db, sources[i].filter, { jurisdictionId: sources[i].jurisdictionId, limit: limit - list.length, offset: skip });
    list.push(...r.rows);
    skip = 0;
  }
  return { total: totals.reduce((a, b) => a + b, 0), list };
}
