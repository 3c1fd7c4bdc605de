import { sql } from 'drizzle-orm';
import { CASE_OPEN_STATUSES } from '../../../contracts/cases.js';
import { can } from '../../../contracts/permissions.js';
import type { DashboardSection } from '../../core/extensions.js';
import { scopeWhere } from '../../core/scope.js';
import { rows } from '../../core/sql.js';

const OPEN = sql.join(
  CASE_OPEN_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/** The 工作台's case section: open cases, those past a deadline, and what waits for the caller's approval or review. */
export const casesDashboardSection: DashboardSection = {
  key: 'cases',
  async load(ctx, today) {
    if (!can(ctx.actor.role, 'cases.read')) return { cases: null };
    const area = scopeWhere(ctx.actor, { jurisdiction: sql`c.jurisdiction_id` });
    const [r] = await rows<{ open: number; d: number; p: number; ap: number; rv: number; ref: number }>(
      ctx.db,
      sql`select count(*) filter (where c.status in (${OPEN}))::int as open,
                 count(*) filter (where c.status in (${OPEN}) and c.decision_due < ${today}::date)::int as d,
                 count(*) filter (where c.decided_on is not null and c.published_on is null and c.publication_due < ${today}::date)::int as p,
                 count(*) filter (where c.status in ('proposed','notified'))::int as ap,
                 count(*) filter (where c.status = 'reviewing')::int as rv,
                 (select count(*)::int from case_referrals r where ${scopeWhere(ctx.actor, { jurisdiction: sql`r.jurisdiction_id` })}
                    and ((r.status = 'proposed' and r.decide_due_at < now()) or (r.status = 'approved' and r.send_due_at < now()))) as ref
          from cases c where ${area}`,
    );
    return {
      cases: {
        open: Number(r?.open ?? 0),
        decisionOverdue: Number(r?.d ?? 0),
        publicationOverdue: Number(r?.p ?? 0),
        referralOverdue: Number(r?.ref ?? 0),
        awaitingApproval: can(ctx.actor.role, 'cases.approve') ? Number(r?.ap ?? 0) : 0,
        awaitingReview: can(ctx.actor.role, 'cases.review') ? Number(r?.rv ?? 0) : 0,
      },
    };
  },
};
