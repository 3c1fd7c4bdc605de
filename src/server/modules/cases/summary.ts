import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { ADDITIVE, OPEN_END, refreshUnits, summarisedBy, type SummarySource } from '../../core/measure-summaries.js';
import { CLOSED, FINES, REVOKES } from './measure-sql.js';

const month = (col: string) => sql.raw(`date_trunc('month', ${col})::date`);

/**
 * The case measures' maintained summaries (design: core/measure-summaries.ts). Per unit (the
 * case's party), station and campaign, per month: cases filed, decided, closed (结案), 罚没款 and
 * referrals sent; per start date: the first day on or after it that a decision revoked the unit's
 * licence (open-ended). Filing, every case transition, the penalty and every referral transition
 * call `refreshCaseSummary` for the unit in their transaction.
 */
export const caseSummary: SummarySource = {
  key: 'cases',
  version: 1,
  measures: {
    'cases.filed': 'additive',
    'cases.decided': 'additive',
    'cases.fines': 'additive',
    'cases.closed': 'additive',
    'cases.referred': 'additive',
    'cases.revokedUnits': 'distinct',
  },
  rows: (units) => sql`
    select c.entity_id, 'cases.filed' as measure, ${ADDITIVE}::date as since, c.jurisdiction_id, coalesce(c.campaign_id, 0) as campaign_id,
      ${month('c.filed_on')} as m_from, ${month('c.filed_on')} as m_to, count(*)::numeric as n
    from cases c where c.filed_on is not null and ${units(sql`c.entity_id`)} group by 1, 4, 5, 6
    union all
    select c.entity_id, 'cases.decided', ${ADDITIVE}::date, c.jurisdiction_id, coalesce(c.campaign_id, 0),
      ${month('c.decided_on')}, ${month('c.decided_on')}, count(*)::numeric
    from cases c where c.decided_on is not null and ${units(sql`c.entity_id`)} group by 1, 4, 5, 6
    union all
    select c.entity_id, 'cases.fines', ${ADDITIVE}::date, c.jurisdiction_id, coalesce(c.campaign_id, 0),
      ${month('c.decided_on')}, ${month('c.decided_on')}, sum(${FINES})
    from cases c where c.decided_on is not null and ${units(sql`c.entity_id`)} group by 1, 4, 5, 6
    union all
    select c.entity_id, 'cases.closed', ${ADDITIVE}::date, c.jurisdiction_id, coalesce(c.campaign_id, 0),
      ${month('c.closed_on')}, ${month('c.closed_on')}, count(*)::numeric
    from cases c where c.closed_on is not null and ${CLOSED} and ${units(sql`c.entity_id`)} group by 1, 4, 5, 6
    union all
    select c.entity_id, 'cases.referred', ${ADDITIVE}::date, c.jurisdiction_id, coalesce(c.campaign_id, 0),
      ${month("(r.sent_at at time zone 'Asia/Shanghai')::date")}, ${month("(r.sent_at at time zone 'Asia/Shanghai')::date")}, count(*)::numeric
    from case_referrals r join cases c on c.id = r.case_id where r.sent_at is not null and ${units(sql`c.entity_id`)} group by 1, 4, 5, 6
    union all
    select c.entity_id, 'cases.revokedUnits', s.since, c.jurisdiction_id, 0, min(c.decided_on), ${OPEN_END}::date, 1::numeric
    from cases c join measure_starts s on c.decided_on >= s.since where ${REVOKES} and ${units(sql`c.entity_id`)}
    group by c.entity_id, c.jurisdiction_id, s.since`,
};

/** Recompute the case summaries of these units (call inside the write's transaction). */
export const refreshCaseSummary = (tx: DbOrTx, entityIds: readonly number[]) => refreshUnits(tx, caseSummary, entityIds);

/** A measure's compute (the summaries where they apply, else the raw SQL), its plain SQL and what the summaries keep of it. */
export const summarised = summarisedBy(caseSummary);
