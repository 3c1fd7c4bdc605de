import { sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../contracts/calendar.js';
import { penaltyLines, personLines, type Penalty, type PublicationItem } from '../../../contracts/cases.js';
import { citePenaltyArticle } from '../../../contracts/penalty-articles.js';
import type { Ctx } from '../../core/context.js';
import { scopeWhere } from '../../core/scope.js';
import { rows } from '../../core/sql.js';
import { bureauNameOf } from '../org/public.js';

/**
 * 行政处罚信息公示: decided cases in the caller's area with the last day to publish (20 working days
 * after the decision, computed when it was decided) and the public-notice columns.
 */
export async function publicationItems(ctx: Ctx, q: { published?: 'true' | 'false' }): Promise<PublicationItem[]> {
  const today = shanghaiToday();
  const list = await rows<{
    id: number;
    case_no: string | null;
    decision_no: string | null;
    name: string;
    credit_code: string | null;
    facts: string;
    penalty: Penalty;
    decided_on: string;
    publication_due: string;
    published_on: string | null;
    jurisdiction_id: number;
  }>(
    ctx.db,
    sql`select c.id, c.case_no, c.decision_no, e.name, e.credit_code, c.facts, c.penalty, c.decided_on::text as decided_on,
          c.publication_due::text as publication_due, c.published_on::text as published_on, c.jurisdiction_id
        from cases c join entities e on e.id = c.entity_id
        where c.decided_on is not null and ${scopeWhere(ctx.actor, { jurisdiction: sql`c.jurisdiction_id` })}
          ${q.published === 'true' ? sql`and c.published_on is not null` : q.published === 'false' ? sql`and c.published_on is null` : sql``}
        order by c.published_on nulls first, c.publication_due, c.id limit 5000`,
  );
  const bureaus = new Map<number, string>();
  for (const j of new Set(list.map((r) => r.jurisdiction_id))) bureaus.set(j, await bureauNameOf(ctx.db, j));
  return list.map((r) => ({
    id: r.id,
    caseNo: r.case_no,
    decisionNo: r.decision_no,
    party: r.name,
    creditCode: r.credit_code,
    facts: r.facts,
    basis: citePenaltyArticle(r.penalty.article),
    content: [...penaltyLines(r.penalty), ...personLines(r.penalty)].join('；'),
    authority: bureaus.get(r.jurisdiction_id) ?? '',
    decidedOn: r.decided_on,
    dueOn: r.publication_due,
    publishedOn: r.published_on,
    overdue: !r.published_on && r.publication_due < today,
  }));
}
