import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { adrAlertsQuery } from '../../../../contracts/adr.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { ALERT_COLUMNS, presentAlert, type AlertRow } from '../presenter.js';
import { alertReadWhere } from '../queries.js';

/** Cluster alerts of the counties in the caller's area (a station's: its county's), new ones first, then the latest. */
export async function listAlerts(ctx: Ctx, q: z.output<typeof adrAlertsQuery>) {
  const where: SQL[] = [alertReadWhere(ctx.actor)];
  if (q.status) where.push(sql`a.status = ${q.status}`);
  const cond = sql.join(where, sql` and `);
  const [{ n }] = await rows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from adr_alerts a join jurisdictions j on j.id = a.jurisdiction_id where ${cond}`,
  );
  const list = await rows<AlertRow>(
    ctx.db,
    sql`select ${ALERT_COLUMNS} from adr_alerts a join jurisdictions j on j.id = a.jurisdiction_id where ${cond}
        order by (a.status = 'new') desc, a.window_end desc, a.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  return { items: list.map((a) => presentAlert(a, ctx.actor)), total: n, page: q.page, pageSize: q.pageSize };
}
