import { sql } from 'drizzle-orm';
import { CASE_OPEN_STATUSES } from '../../../contracts/cases.js';
import type { Ctx } from '../../core/context.js';
import { scopeWhere } from '../../core/scope.js';
import { rows } from '../../core/sql.js';

const OPEN = sql.join(
  CASE_OPEN_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/** Overdue counts per station in the caller's area (stations with none are left out), most first. */
export async function overdueByUnit(ctx: Ctx, today: string) {
  const list = await rows<{ id: number; name: string; d: number; p: number; r: number }>(
    ctx.db,
    sql`select j.id, j.name,
          (select count(*)::int from cases c where c.jurisdiction_id = j.id and c.status in (${OPEN}) and c.decision_due < ${today}::date) as d,
          (select count(*)::int from cases c where c.jurisdiction_id = j.id and c.decided_on is not null and c.published_on is null and c.publication_due < ${today}::date) as p,
          (select count(*)::int from case_referrals r where r.jurisdiction_id = j.id and
             ((r.status = 'proposed' and r.decide_due_at < now()) or (r.status = 'approved' and r.send_due_at < now()))) as r
        from jurisdictions j
        where j.id in (select distinct c.jurisdiction_id from cases c where ${scopeWhere(ctx.actor, { jurisdiction: sql`c.jurisdiction_id` })})`,
  );
  return list
    .map((x) => ({
      jurisdictionId: x.id,
      name: x.name,
      decisionOverdue: Number(x.d),
      publicationOverdue: Number(x.p),
      referralOverdue: Number(x.r),
    }))
    .filter((x) => x.decisionOverdue + x.publicationOverdue + x.referralOverdue > 0)
    .sort(
      (a, b) =>
        b.decisionOverdue + b.publicationOverdue + b.referralOverdue - (a.decisionOverdue + a.publicationOverdue + a.referralOverdue),
    );
}
