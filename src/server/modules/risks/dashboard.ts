import { sql } from 'drizzle-orm';
import { can } from '../../../contracts/permissions.js';
import type { DashboardSection } from '../../core/extensions.js';
import { rows } from '../../core/sql.js';
import { areaOf } from './queries.js';

/** The 工作台's risk section: my open risks and overdue ones, closures awaiting verification, overdue risks per station of my area. */
export const risksDashboardSection: DashboardSection = {
  key: 'risks',
  async load(ctx, today) {
    if (!can(ctx.actor.role, 'risks.read')) return { risks: null };
    const me = ctx.actor.id;
    // Three small counts, each through its own index (owner; area and state; open by deadline), rather
    // than one pass over every open risk of the area (a province: tens of thousands).
    const [[mine], [verify], stations] = await Promise.all([
      rows<{ mine: number; mine_overdue: number }>(
        ctx.db,
        sql`select count(*)::int as mine, count(*) filter (where r.deadline < ${today}::date)::int as mine_overdue
            from risks r where r.owner_id = ${me} and r.status <> 'closed' and ${areaOf(ctx.actor, 'r')}`,
      ),
      rows<{ to_verify: number }>(
        ctx.db,
        sql`select count(*)::int as to_verify from risks r
            where r.status = 'closure_requested' and r.owner_id <> ${me} and ${areaOf(ctx.actor, 'r')}`,
      ),
      rows<{ station_id: number; station_name: string; n: number; max_days: number }>(
        ctx.db,
        sql`select s.station_id, j.name as station_name, s.n, s.max_days
            from (select r.jurisdiction_id as station_id, count(*)::int as n, max(${today}::date - r.deadline)::int as max_days
                  from risks r where r.status <> 'closed' and r.deadline < ${today}::date and ${areaOf(ctx.actor, 'r')}
                  group by r.jurisdiction_id order by n desc, max_days desc, r.jurisdiction_id limit 50) s
            join jurisdictions j on j.id = s.station_id
            order by s.n desc, s.max_days desc, s.station_id`,
      ),
    ]);
    return {
      risks: {
        mine: Number(mine?.mine ?? 0),
        mineOverdue: Number(mine?.mine_overdue ?? 0),
        awaitingVerification: can(ctx.actor.role, 'risks.verify') ? Number(verify?.to_verify ?? 0) : 0,
        overdue: stations.reduce((s, x) => s + Number(x.n), 0),
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
