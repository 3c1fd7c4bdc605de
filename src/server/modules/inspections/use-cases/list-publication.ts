import { sql } from 'drizzle-orm';
import { addWorkingDays, shanghaiToday, workingDaysBetween } from '../../../../contracts/calendar.js';
import { MEASURE_KINDS, PUBLICATION_WORKING_DAYS, type MeasureKind, type PublicationItem } from '../../../../contracts/inspections.js';
import type { Ctx } from '../../../core/context.js';
import { scopeWhere } from '../../../core/scope.js';
import { rows } from '../../../core/sql.js';
import { workCalendar } from '../../calendar/public.js';

/**
 * 双随机抽查结果公示: signed random inspections in the caller's area with the last day to publish
 * them — 20 working days after the inspection, over the holiday calendar kept as data.
 */
export async function listPublication(ctx: Ctx, q: { from?: string; to?: string }): Promise<PublicationItem[]> {
  const today = shanghaiToday();
  const cal = await workCalendar(ctx.db);
  const list = await rows<{
    id: number;
    name: string;
    credit_code: string | null;
    date: string;
    findings: number;
    measures: string[] | string | null;
  }>(
    ctx.db,
    sql`select i.id, e.name, e.credit_code, i.date::text as date,
          (select count(*)::int from inspection_findings f where f.inspection_id = i.id) as findings,
          (select array_agg(distinct m.kind) from inspection_measures m where m.inspection_id = i.id) as measures
        from inspections i join entities e on e.id = i.entity_id
        where i.kind = 'random' and i.status = 'done' and ${scopeWhere(ctx.actor, { jurisdiction: sql`i.jurisdiction_id` })}
          ${q.from ? sql`and i.date >= ${q.from}::date` : sql``} ${q.to ? sql`and i.date <= ${q.to}::date` : sql``}
        order by i.date, i.id limit 5000`,
  );
  return list.map((r) => {
    const publishBy = addWorkingDays(cal, r.date, PUBLICATION_WORKING_DAYS);
    const kinds = (
      typeof r.measures === 'string' ? r.measures.replace(/[{}]/g, '').split(',').filter(Boolean) : (r.measures ?? [])
    ) as MeasureKind[];
    return {
      inspectionId: r.id,
      entityName: r.name,
      creditCode: r.credit_code,
      date: r.date,
      result: r.findings > 0 ? `发现问题${r.findings}项` : '未发现问题',
      measures: kinds.map((k) => MEASURE_KINDS[k]).join('、') || '无',
      publishBy,
      daysLeft: publishBy >= today ? workingDaysBetween(cal, today, publishBy) : -workingDaysBetween(cal, publishBy, today),
    };
  });
}
