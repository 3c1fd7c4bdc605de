import { sql } from 'drizzle-orm';
import { can } from '../../../contracts/permissions.js';
import type { DashboardSection } from '../../core/extensions.js';
import { scopeWhere } from '../../core/scope.js';
import { rows } from '../../core/sql.js';

/** The 工作台's field-work section: my inspections today and overdue, records awaiting my signature, overdue rectifications in my area. */
export const inspectionsDashboardSection: DashboardSection = {
  key: 'inspections',
  async load(ctx, today) {
    if (!can(ctx.actor.role, 'inspections.read')) return { inspections: null };
    const area = scopeWhere(ctx.actor, { jurisdiction: sql`i.jurisdiction_id` });
    const me = ctx.actor.id;
    const [[mine], stations] = await Promise.all([
      rows<{ due_today: number; overdue: number; unsigned: number }>(
        ctx.db,
        sql`select count(*) filter (where i.status = 'planned' and i.date = ${today}::date)::int as due_today,
                   count(*) filter (where i.status = 'planned' and i.date < ${today}::date)::int as overdue,
                   count(*) filter (where i.status = 'draft' and not exists (select 1 from inspection_signatures s where s.inspection_id = i.id and s.user_id = ${me}))::int as unsigned
            from inspections i where ${me}::int = any(i.inspector_ids) and i.status in ('planned','draft') and ${area}`,
      ),
      rows<{ station_id: number; station_name: string; n: number; max_days: number }>(
        ctx.db,
        sql`select r.jurisdiction_id as station_id, j.name as station_name, count(*)::int as n, max(${today}::date - r.deadline)::int as max_days
            from rectifications r join jurisdictions j on j.id = r.jurisdiction_id
            where r.status <> 'closed' and r.deadline < ${today}::date and ${scopeWhere(ctx.actor, { jurisdiction: sql`r.jurisdiction_id` })}
            group by r.jurisdiction_id, j.name order by n desc, max_days desc limit 50`,
      ),
    ]);
    return {
      inspections: {
        dueToday: Number(mine?.due_today ?? 0),
        overdue: Number(mine?.overdue ?? 0),
        awaitingMySignature: Number(mine?.unsigned ?? 0),
        overdueRectifications: stations.reduce((s, x) => s + Number(x.n), 0),
        overdueByStation: stations.map((x) => ({
          stationId: x.station_id,
          stationName: x.station_name,
          count: Number(x.n),
          maxDaysOverdue: Number(x.max_days),
        })),
      },
    };
  },
};
