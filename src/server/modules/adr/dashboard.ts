import { sql } from 'drizzle-orm';
import { addDays } from '../../../contracts/calendar.js';
import { can } from '../../../contracts/permissions.js';
import type { DashboardSection } from '../../core/extensions.js';
import { scopeWhere } from '../../core/scope.js';
import { rows } from '../../core/sql.js';

/** The 工作台's ADR section: new cluster alerts to assess, late reports of the last 30 days. */
export const adrDashboardSection: DashboardSection = {
  key: 'adr',
  async load(ctx, today) {
    if (!can(ctx.actor.role, 'adr.read')) return { adr: null };
    const [[alerts], [late]] = await Promise.all([
      rows<{ n: number }>(
        ctx.db,
        sql`select count(*)::int as n from adr_alerts a where a.status = 'new' and ${scopeWhere(ctx.actor, { jurisdiction: sql`a.jurisdiction_id` })}`,
      ),
      rows<{ n: number }>(
        ctx.db,
        sql`select count(*)::int as n from adr_reports r where r.late and r.reported_on > ${addDays(today, -30)}::date
            and ${scopeWhere(ctx.actor, { jurisdiction: sql`r.jurisdiction_id` })}`,
      ),
    ]);
    return { adr: { newAlerts: Number(alerts?.n ?? 0), lateReports30d: Number(late?.n ?? 0) } };
  },
};
