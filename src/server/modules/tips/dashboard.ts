import { and, eq, sql } from 'drizzle-orm';
import type { DashboardTips } from '../../../contracts/dashboard.js';
import { can } from '../../../contracts/permissions.js';
import { TIP_STATUSES } from '../../../contracts/tips.js';
import { tips } from '../../../db/schema/index.js';
import type { Ctx } from '../../core/context.js';
import type { DashboardSection } from '../../core/extensions.js';
import { tipScope } from './queries.js';

/** Tips awaiting review in the reviewer's area, or the reporter's own tips, counted by status. */
export async function tipCounts(ctx: Ctx): Promise<DashboardTips | null> {
  const { actor } = ctx;
  const mode = can(actor.role, 'tips.review') ? 'review' : can(actor.role, 'tips.submit') ? 'mine' : null;
  if (!mode) return null;
  const rows = await ctx.db
    .select({ status: tips.status, n: sql<number>`count(*)::int` })
    .from(tips)
    .where(and(tipScope(actor), mode === 'mine' ? eq(tips.reportedBy, actor.id) : undefined))
    .groupBy(tips.status);
  const byStatus = Object.fromEntries(TIP_STATUSES.map((s) => [s, 0])) as DashboardTips['byStatus'];
  for (const r of rows) byStatus[r.status as keyof typeof byStatus] = Number(r.n);
  return { mode, byStatus };
}

/** The 工作台's 基层上报 section. */
export const tipsDashboardSection: DashboardSection = { key: 'tips', load: async (ctx) => ({ tips: await tipCounts(ctx) }) };
