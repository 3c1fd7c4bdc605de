import { sql, type SQL } from 'drizzle-orm';
import { daysBetween } from '../../../contracts/calendar.js';
import { CASE_OPEN_STATUSES, CASE_STATUSES, type CaseListFilter, type CaseListItem, type CaseStatus } from '../../../contracts/cases.js';
import type { Actor } from '../../core/context.js';
import { scopeWhere } from '../../core/scope.js';

export interface CaseListRow {
  id: number;
  case_no: string | null;
  procedure: 'simple' | 'ordinary';
  status: CaseStatus;
  entity_id: number;
  entity_name: string;
  credit_code: string | null;
  station_name: string;
  violation_label: string;
  filed_on: string | null;
  decision_due: string | null;
  decided_on: string | null;
  fine: string | number | null;
  supervised: boolean;
  referred: boolean;
  facts: string;
  goods_value: string | number;
}

const OPEN = sql.join(
  CASE_OPEN_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/** The case list's rows in the actor's area, newest first. */
export function caseListSql(actor: Actor, q: CaseListFilter, today: string, tail: SQL) {
  return sql`select c.id, c.case_no, c.procedure, c.status, c.entity_id, e.name as entity_name, e.credit_code, j.name as station_name,
      c.violation_label, c.filed_on::text as filed_on, c.decision_due::text as decision_due, c.decided_on::text as decided_on, c.fine,
      c.supervision is not null as supervised, exists (select 1 from case_referrals r where r.case_id = c.id) as referred, c.facts, c.goods_value
    from cases c join entities e on e.id = c.entity_id join jurisdictions j on j.id = c.jurisdiction_id
    where ${scopeWhere(actor, { jurisdiction: sql`c.jurisdiction_id` })}
      ${q.status ? sql`and c.status = ${q.status}` : sql``}
      ${q.procedure ? sql`and c.procedure = ${q.procedure}` : sql``}
      ${q.overdue === 'true' ? sql`and c.status in (${OPEN}) and c.decision_due < ${today}::date` : sql``}
      ${q.q ? sql`and (e.name like ${`%${q.q}%`} or c.case_no like ${`%${q.q}%`})` : sql``}
    order by c.id desc ${tail}`;
}

export function presentListRow(r: CaseListRow, today: string): CaseListItem {
  const open = CASE_OPEN_STATUSES.includes(r.status);
  return {
    id: r.id,
    caseNo: r.case_no,
    procedure: r.procedure,
    status: r.status,
    statusLabel: CASE_STATUSES[r.status],
    entityId: r.entity_id,
    entityName: r.entity_name,
    stationName: r.station_name,
    violationLabel: r.violation_label,
    filedOn: r.filed_on,
    decisionDue: r.decision_due
      ? { date: r.decision_due, daysLeft: daysBetween(today, r.decision_due), overdue: open && r.decision_due < today }
      : null,
    decidedOn: r.decided_on,
    fine: r.fine === null ? null : Number(r.fine),
    supervised: r.supervised,
    referred: r.referred,
  };
}
