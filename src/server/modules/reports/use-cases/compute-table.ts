import { sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { CampaignDefinition, StatTable, TableColumn } from '../../../../contracts/campaigns.js';
import type { CellSource, TableCellValue, TableQuery, TableResult } from '../../../../contracts/reports.js';
import type { Ctx } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { pointOf, type Measure, type MeasureFilter } from '../../../core/extensions.js';
import { pathInScope } from '../../../core/scope.js';
import { rows } from '../../../core/sql.js';
import { getCampaignRow } from '../../campaigns/public.js';
import { tablePeriod } from '../period.js';

type Row = StatTable['rows'][number];

/** Where one cell's value comes from: the row's override, else its column. */
function sourceOf(row: Row, col: TableColumn): { source: CellSource; measure?: string; level?: string } {
  const cell = row.cells?.[col.key];
  if (cell?.blank) return { source: 'blank' };
  if (cell?.input) return { source: 'input' };
  const measure = cell?.measure ?? col.measure;
  if (measure) return { source: 'measure', measure, level: cell?.level ?? col.level ?? 'all' };
  if (col.formula) return { source: 'formula' };
  return { source: 'input' };
}

function shown(n: number, col: TableColumn) {
  const v = col.divisor ? n / col.divisor : n;
  return col.decimals === undefined ? v : Number(v.toFixed(col.decimals));
}

/**
 * One statistical table of a campaign for one unit's area and period, live from the records: every
 * measure cell is its catalogue measure over the area's subtree (level own: records kept at the unit
 * itself; below: the units under it), with the row's entity kinds or product category as filter.
 * Typed cells are null here (their values live in the unit's submission).
 */
export async function computeTable(ctx: Ctx, campaignId: number, tableKey: string, q: TableQuery): Promise<TableResult> {
  const campaign = await getCampaignRow(ctx.db, ctx.actor, campaignId);
  const def = campaign.definition as CampaignDefinition;
  const table = def.tables.find((t) => t.key === tableKey);
  if (!table) throw notFound('统计表');
  const [area] = await rows<{ id: number; name: string; path: string }>(
    ctx.db,
    sql`select id, name, path from jurisdictions where id = ${q.jurisdictionId ?? ctx.actor.jurisdictionId}`,
  );
  if (!area || !pathInScope(ctx.actor, area.path) || !area.path.startsWith(campaign.jurisdictionPath)) throw notFound('填报单位');
  const period = tablePeriod(def, table, q.date ?? shanghaiToday());

  const registry = pointOf(ctx.ext, 'measures');
  const cache = new Map<string, Promise<Map<number, number>>>();
  const valueOf = (m: Measure, row: Row) => {
    const filter: MeasureFilter = { path: area.path, from: period.from, to: period.to };
    if (row.kinds?.length) filter.entityKinds = row.kinds;
    if (row.category) filter.category = row.category;
    const key = `${m.key}|${row.kinds?.join(',') ?? ''}|${row.category ?? ''}`;
    let p = cache.get(key);
    if (!p) cache.set(key, (p = m.compute(ctx.db, filter)));
    return p;
  };

  const outRows = await Promise.all(
    table.rows.map(async (row) => {
      const cells: Record<string, TableCellValue> = {};
      for (const col of table.measures) {
        const s = sourceOf(row, col);
        if (s.source !== 'measure') {
          cells[col.key] = { value: null, source: s.source };
          continue;
        }
        const m = registry.find((x) => x.key === s.measure);
        if (!m) {
          cells[col.key] = { value: null, source: 'measure', measure: s.measure };
          continue;
        }
        const byJurisdiction = await valueOf(m, row);
        let all = 0;
        for (const n of byJurisdiction.values()) all += n;
        const own = byJurisdiction.get(area.id) ?? 0;
        const n = s.level === 'own' ? own : s.level === 'below' ? all - own : all;
        cells[col.key] = { value: shown(n, col), source: 'measure', measure: m.key };
      }
      return { key: row.key, label: row.label, cells };
    }),
  );

  return {
    campaignId,
    tableKey,
    label: table.label,
    note: table.note ?? null,
    period: { from: period.from, to: period.to, label: period.label },
    cumulative: period.cumulative,
    jurisdiction: { id: area.id, name: area.name },
    columns: table.measures.map((col) => {
      const m = col.measure ? registry.find((x) => x.key === col.measure) : undefined;
      const source = col.measure ? 'measure' : col.formula ? 'formula' : 'input';
      return {
        key: col.key,
        label: col.label,
        unit: col.unit ?? m?.unit ?? null,
        type: col.type,
        source,
        measure: col.measure ?? null,
        definition: m?.definition ?? null,
        groups: col.groups ?? [],
        decimals: col.decimals ?? null,
      };
    }),
    rows: outRows,
  };
}
