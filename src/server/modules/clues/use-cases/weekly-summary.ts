import { sql } from 'drizzle-orm';
import { periodOf, shanghaiToday } from '../../../../contracts/calendar.js';
import { WEEKLY_SUMMARY_COLUMNS, type WeeklySummary } from '../../../../contracts/clues.js';
import type { Ctx } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { pointOf } from '../../../core/extensions.js';
import { pathInScope } from '../../../core/scope.js';
import { rows } from '../../../core/sql.js';

/**
 * 每周报送 (seed 000): for the chosen week (Monday–Sunday) and area, one row per station (or other
 * jurisdiction directly below the area), a row for records kept at the area's own level (局机关), and
 * the total. Columns are the report measures listed in WEEKLY_SUMMARY_COLUMNS that a module
 * implements (the cases module adds 立案/结案).
 */
export async function weeklySummary(ctx: Ctx, q: { date?: string; jurisdictionId?: number }): Promise<WeeklySummary> {
  const period = periodOf('week', q.date ?? shanghaiToday());
  const [area] = await rows<{ id: number; name: string; path: string }>(
    ctx.db,
    sql`select id, name, path from jurisdictions where id = ${q.jurisdictionId ?? ctx.actor.jurisdictionId}`,
  );
  if (!area || !pathInScope(ctx.actor, area.path)) throw notFound('辖区');
  const registry = pointOf(ctx.ext, 'measures');
  const measures = WEEKLY_SUMMARY_COLUMNS.map((k) => registry.find((m) => m.key === k)).filter((m) => !!m);
  const [children, all, values] = await Promise.all([
    rows<{ id: number; name: string; path: string }>(
      ctx.db,
      sql`select id, name, path from jurisdictions where parent_id = ${area.id} order by sort_order, id`,
    ),
    rows<{ id: number; path: string }>(ctx.db, sql`select id, path from jurisdictions where path like ${area.path + '%'}`),
    Promise.all(measures.map((m) => m.compute(ctx.db, { path: area.path, from: period.from, to: period.to }))),
  ]);
  const pathOf = new Map(all.map((j) => [j.id, j.path]));
  const rowOf = (jid: number) => {
    const p = pathOf.get(jid) ?? '';
    return children.find((c) => p.startsWith(c.path))?.id ?? null;
  };
  const table = new Map<number | null, Record<string, number>>();
  const zero = () => Object.fromEntries(measures.map((m) => [m.key, 0]));
  for (const c of children) table.set(c.id, zero());
  table.set(null, zero());
  const total = zero();
  measures.forEach((m, i) => {
    for (const [jid, n] of values[i]) {
      const r = table.get(rowOf(jid))!;
      r[m.key] += n;
      total[m.key] += n;
    }
  });
  return {
    from: period.from,
    to: period.to,
    areaName: area.name,
    columns: measures.map((m) => ({ key: m.key, label: m.label, unit: m.unit, definition: m.definition })),
    rows: [
      ...children.map((c) => ({ jurisdictionId: c.id, name: c.name, values: table.get(c.id)! })),
      { jurisdictionId: null, name: `${area.name}（本级）`, values: table.get(null)! },
    ],
    total,
  };
}
