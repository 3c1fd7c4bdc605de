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
    const [[mine], stations] = await Promise.all([
      rows<{ mine: number; mine_overdue: number; to_verify: number }>(
        ctx.db,
        sql`select count(*) filter (where r.owner_id = ${me})::int as mine,
                   count(*) filter (where r.owner_id = ${me} and r.deadline < ${today}::date)::int as mine_overdue,
                   count(*) filter (where r.status = 'closure_requested' and r.owner_id <> ${me})::int as to_verify
            from risks r where r.status <> 'closed' and ${areaOf(ctx.actor, 'r')}`,
      ),
      rows<{ station_id: number; station_name: string; n: number; max_days: number }>(
        ctx.db,
        sql`select r.jurisdiction_id as station_id, j.name as station_name, count(*)::int as n, max(${today}::date - r.deadline)::int as max_days
            from risks r join jurisdictions j on j.id = r.jurisdiction_id
            where r.status in ('open','controlling','closure_requested') and r.deadline < ${today}::date and ${areaOf(ctx.actor, 'r')}
            group by r.jurisdiction_id, j.name order by n desc, max_days desc limit 50`,
      ),
    ]);
    return {
      risks: {
        mine: Number(mine?.mine ?? 0),
        mineOverdue: Number(mine?.mine_overdue ?? 0),
        awaitingVerification: can(ctx.actor.role, 'risks.verify') ? Number(mine?.to_verify ?? 0) : 0,
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
