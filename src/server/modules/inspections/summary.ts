import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { ADDITIVE, OPEN_END, refreshUnits, summarisedBy, type SummarySource } from '../../core/measure-summaries.js';

/**
 * The inspection measures' maintained summaries (design: core/measure-summaries.ts). Per unit, from
 * its done inspections, their findings and the rectifications ordered at them:
 *  - per month and campaign (`CAMPAIGN`): 检查家次, 出动执法人员, 发现问题数;
 *  - per start date: the first day the unit was inspected (检查单位) and found in violation
 *    (发现违规单位) on or after the start, open-ended; and the spans of days `to` for which every
 *    rectification ordered at its inspections with findings in [start, to] is closed by `to`
 *    (完成整改单位): between two inspection days the condition holds from the latest closing day
 *    (an open rectification: never) up to the day before the next one, and open-ended after the last.
 * Every use case that signs, edits or withdraws an inspection, or closes or extends a
 * rectification, calls `refreshInspectionSummary` for the unit in its transaction.
 */
/** The campaign an inspection counts for: recorded for it, or a task of its plan (alias `i`). */
export const CAMPAIGN = sql`coalesce(i.campaign_id, (select p.campaign_id from plans p where p.id = i.plan_id))`;
/** 出动执法人员 of an inspection: the staff count recorded, else the inspectors on it (alias `i`). */
export const OFFICERS = sql`coalesce(i.staff_count, cardinality(i.inspector_ids))`;

export const inspectionSummary: SummarySource = {
  key: 'inspections',
  version: 1,
  measures: {
    'inspections.visits': 'additive',
    'inspections.officers': 'additive',
    'inspections.findings': 'additive',
    'inspections.units': 'distinct',
    'inspections.violationUnits': 'distinct',
    'inspections.rectifiedUnits': 'distinct',
  },
  rows: (units) => sql`
    with d as (
      select i.id, i.entity_id, i.jurisdiction_id, i.date, coalesce(${CAMPAIGN}, 0) as campaign_id, ${OFFICERS} as officers,
        (select count(*) from inspection_findings f where f.inspection_id = i.id) as findings
      from inspections i
      where i.status = 'done' and ${units(sql`i.entity_id`)}
    ), monthly as (
      select entity_id, jurisdiction_id, campaign_id, date_trunc('month', date)::date as m,
        count(*) as visits, sum(officers) as officers, sum(findings) as findings
      from d group by entity_id, jurisdiction_id, campaign_id, date_trunc('month', date)
    ), rect as (
      select d.entity_id, d.jurisdiction_id, d.date,
        max(case when r.status = 'closed' then (r.closed_at at time zone 'Asia/Shanghai')::date else ${OPEN_END}::date end) as c
      from d join rectifications r on r.inspection_id = d.id
      where d.findings > 0
      group by d.id, d.entity_id, d.jurisdiction_id, d.date
    ), rect_days as (
      select s.since, x.entity_id, x.jurisdiction_id, x.date as day, max(x.c) as c
      from rect x join measure_starts s on x.date >= s.since
      group by s.since, x.entity_id, x.jurisdiction_id, x.date
    ), rect_runs as (
      select since, entity_id, jurisdiction_id, day,
        max(c) over (partition by since, entity_id, jurisdiction_id order by day rows between unbounded preceding and current row) as m,
        lead(day) over (partition by since, entity_id, jurisdiction_id order by day) as next_day
      from rect_days
    )
    select entity_id, 'inspections.visits' as measure, ${ADDITIVE}::date as since, jurisdiction_id, campaign_id,
      m as m_from, m as m_to, visits::numeric as n from monthly
    union all
    select entity_id, 'inspections.officers', ${ADDITIVE}::date, jurisdiction_id, campaign_id, m, m, officers::numeric from monthly where officers > 0
    union all
    select entity_id, 'inspections.findings', ${ADDITIVE}::date, jurisdiction_id, campaign_id, m, m, findings::numeric from monthly where findings > 0
    union all
    select d.entity_id, 'inspections.units', s.since, d.jurisdiction_id, 0, min(d.date), ${OPEN_END}::date, 1::numeric
    from d join measure_starts s on d.date >= s.since group by d.entity_id, d.jurisdiction_id, s.since
    union all
    select d.entity_id, 'inspections.violationUnits', s.since, d.jurisdiction_id, 0, min(d.date), ${OPEN_END}::date, 1::numeric
    from d join measure_starts s on d.date >= s.since where d.findings > 0 group by d.entity_id, d.jurisdiction_id, s.since
    union all
    select entity_id, 'inspections.rectifiedUnits', since, jurisdiction_id, 0, greatest(day, m), coalesce(next_day - 1, ${OPEN_END}::date), 1::numeric
    from rect_runs where m < ${OPEN_END}::date and greatest(day, m) <= coalesce(next_day - 1, ${OPEN_END}::date)`,
};

/** Recompute the inspection summaries of these units (call inside the write's transaction). */
export const refreshInspectionSummary = (tx: DbOrTx, entityIds: readonly number[]) => refreshUnits(tx, inspectionSummary, entityIds);

/** A measure's compute (the summaries where they apply, else the raw SQL), its plain SQL and what the summaries keep of it. */
export const summarised = summarisedBy(inspectionSummary);
