import { sql, type SQL } from 'drizzle-orm';
import type { InspectionListItem, ListInspectionsQuery } from '../../../contracts/inspections.js';
import type { Ctx } from '../../core/context.js';
import { scopeWhere } from '../../core/scope.js';
import { peopleNames } from './queries.js';

/** The WHERE of the inspection list for a query, scoped to the caller's area. */
export function inspectionFilter(ctx: Ctx, q: ListInspectionsQuery): SQL {
  const parts: SQL[] = [scopeWhere(ctx.actor, { jurisdiction: sql`i.jurisdiction_id` })];
  if (q.kind) parts.push(sql`i.kind = ${q.kind}`);
  parts.push(q.status ? sql`i.status = ${q.status}` : sql`i.status in ('draft','done')`);
  if (q.from) parts.push(sql`i.date >= ${q.from}::date`);
  if (q.to) parts.push(sql`i.date <= ${q.to}::date`);
  if (q.inspectorId) parts.push(sql`${q.inspectorId}::int = any(i.inspector_ids)`);
  if (q.stationId) parts.push(sql`i.jurisdiction_id = ${q.stationId}`);
  if (q.entityId) parts.push(sql`i.entity_id = ${q.entityId}`);
  if (q.result === 'findings') parts.push(sql`exists (select 1 from inspection_findings f where f.inspection_id = i.id)`);
  if (q.result === 'clean') parts.push(sql`not exists (select 1 from inspection_findings f where f.inspection_id = i.id)`);
  if (q.openRectifications === 'true')
    parts.push(sql`exists (select 1 from rectifications r where r.inspection_id = i.id and r.status <> 'closed')`);
  return sql.join(parts, sql` and `);
}

export const LIST_COLUMNS = sql`i.id, i.date::text as date, i.kind, i.status, i.entity_id, e.name as entity_name, e.credit_code, i.jurisdiction_id, j.name as station_name,
  i.inspector_ids, i.record_no,
  (select count(*)::int from inspection_findings f where f.inspection_id = i.id) as findings,
  coalesce((select array_agg(distinct m.kind) from inspection_measures m where m.inspection_id = i.id), '{}') as measures,
  (select count(*)::int from rectifications r where r.inspection_id = i.id and r.status <> 'closed') as open_rectifications`;

export async function presentListRows(ctx: Ctx, list: Record<string, any>[]): Promise<InspectionListItem[]> {
  const names = await peopleNames(
    ctx.db,
    list.flatMap((r) => r.inspector_ids ?? []),
  );
  return list.map((r) => ({
    id: r.id,
    date: r.date,
    kind: r.kind,
    status: r.status,
    entityId: r.entity_id,
    entityName: r.entity_name,
    creditCode: r.credit_code,
    stationId: r.jurisdiction_id,
    stationName: r.station_name,
    inspectors: (r.inspector_ids ?? []).map((i: number) => ({ id: i, name: names.get(i) ?? `#${i}` })),
    findings: Number(r.findings),
    measures: typeof r.measures === 'string' ? r.measures.replace(/[{}]/g, '').split(',').filter(Boolean) : (r.measures ?? []),
    openRectifications: Number(r.open_rectifications),
    recordNo: r.record_no,
  }));
}
