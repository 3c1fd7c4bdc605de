import { sql, type SQL } from 'drizzle-orm';
import { adrDeadline, type AdrAlert, type AdrReport, type AlertStatus, type Seriousness } from '../../../contracts/adr.js';
import { isoTimestamp } from '../../../contracts/calendar.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../core/context.js';
import { pathInScope } from '../../core/scope.js';
import { rows } from '../../core/sql.js';
import { intArray } from './queries.js';
import { alertWorkflow } from './workflow.js';

interface ReportRow {
  id: number;
  kind: string;
  report_code: string;
  jurisdiction_id: number;
  jurisdiction_name: string;
  county_id: number;
  reporter_name: string;
  reporter_kind: string;
  reporter_credit_code: string | null;
  entity_id: number | null;
  patient_sex: string;
  patient_age: number | null;
  seriousness: string;
  is_new: boolean;
  death: boolean;
  outcome: string;
  onset_on: string;
  reported_on: string;
  deadline_rule: string;
  due_on: string;
  late: boolean;
  version: number;
}

/** The reports (by id, in the order given) as the API shows them, with their drugs and reactions. */
export async function presentReports(db: DbOrTx, ids: number[]): Promise<AdrReport[]> {
  if (!ids.length) return [];
  const list = await rows<ReportRow>(
    db,
    sql`select r.id, r.kind, r.report_code, r.jurisdiction_id, j.name as jurisdiction_name, r.county_id, r.reporter_name, r.reporter_kind,
          r.reporter_credit_code, r.entity_id, r.patient_sex, r.patient_age, r.seriousness, r.is_new, r.death, r.outcome,
          r.onset_on::text as onset_on, r.reported_on::text as reported_on, r.deadline_rule, r.due_on::text as due_on, r.late, r.version
        from adr_reports r join jurisdictions j on j.id = r.jurisdiction_id where r.id = any(${intArray(ids)})`,
  );
  const drugs = await rows<{ report_id: number; generic_name: string; batch_no: string | null; manufacturer: string | null }>(
    db,
    sql`select report_id, generic_name, batch_no, manufacturer from adr_report_drugs where report_id = any(${intArray(ids)}) order by report_id, seq`,
  );
  const terms = await rows<{ report_id: number; term: string }>(
    db,
    sql`select report_id, term from adr_reactions where report_id = any(${intArray(ids)}) order by report_id, term`,
  );
  const byId = new Map(list.map((r) => [r.id, r]));
  return ids
    .map((id) => byId.get(id))
    .filter((r): r is ReportRow => !!r)
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      reportCode: r.report_code,
      jurisdictionId: r.jurisdiction_id,
      jurisdictionName: r.jurisdiction_name,
      countyId: r.county_id,
      reporterName: r.reporter_name,
      reporterKind: r.reporter_kind,
      reporterCreditCode: r.reporter_credit_code,
      entityId: r.entity_id,
      patientSex: r.patient_sex,
      patientAge: r.patient_age,
      drugs: drugs
        .filter((d) => d.report_id === r.id)
        .map((d) => ({ genericName: d.generic_name, batchNo: d.batch_no, manufacturer: d.manufacturer })),
      reactions: terms.filter((t) => t.report_id === r.id).map((t) => t.term),
      seriousness: r.seriousness,
      isNew: r.is_new,
      death: r.death,
      outcome: r.outcome,
      onsetOn: r.onset_on,
      reportedOn: r.reported_on,
      deadlineRule: r.deadline_rule,
      dueOn: r.due_on,
      late: r.late,
      daysLate: adrDeadline({
        seriousness: r.seriousness as Seriousness,
        isNew: r.is_new,
        death: r.death,
        onsetOn: r.onset_on,
        reportedOn: r.reported_on,
      }).daysLate,
      version: r.version,
    }));
}

export interface AlertRow {
  id: number;
  jurisdiction_id: number;
  county_name: string;
  county_path: string;
  category: string;
  key_kind: string;
  key_label: string;
  episode_start: string;
  window_start: string;
  window_end: string;
  window_reports: number;
  report_count: number;
  last_onset_on: string;
  expected: number;
  status: string;
  note: string | null;
  risk_id: number | null;
  clue_id: number | null;
  created_at: string | Date;
  version: number;
}

export const ALERT_COLUMNS = sql`a.id, a.jurisdiction_id, j.name as county_name, j.path as county_path, a.category, a.key_kind, a.key_label,
  a.episode_start::text as episode_start, a.window_start::text as window_start, a.window_end::text as window_end,
  a.window_reports, a.report_count, a.last_onset_on::text as last_onset_on, a.expected, a.status, a.note, a.risk_id, a.clue_id,
  a.created_at, a.version`;

/**
 * An alert as the caller sees it. Its actions are offered only inside the caller's area: a station's
 * people read their county's alerts (listAlerts) but the county acts on them.
 */
export function presentAlert(a: AlertRow, actor: Pick<Actor, 'role' | 'scope' | 'jurisdictionPath'>): AdrAlert {
  return {
    id: a.id,
    countyId: a.jurisdiction_id,
    countyName: a.county_name,
    keyKind: a.key_kind,
    keyLabel: a.key_label,
    category: a.category,
    episodeStart: a.episode_start,
    windowStart: a.window_start,
    windowEnd: a.window_end,
    windowReports: a.window_reports,
    reportCount: a.report_count,
    lastOnsetOn: a.last_onset_on,
    expected: Number(a.expected),
    status: a.status,
    note: a.note,
    riskId: a.risk_id,
    clueId: a.clue_id,
    createdAt: isoTimestamp(a.created_at),
    version: a.version,
    actions: pathInScope(actor, a.county_path) ? alertWorkflow.actionsFor(actor, a.status as AlertStatus) : [],
  };
}

export async function loadAlert(db: DbOrTx, id: number): Promise<AlertRow | undefined> {
  const [a] = await rows<AlertRow>(
    db,
    sql`select ${ALERT_COLUMNS} from adr_alerts a join jurisdictions j on j.id = a.jurisdiction_id where a.id = ${id}`,
  );
  return a;
}

/** One page of the reports matching `cond` (over `adr_reports r`), newest report date first, with the total. */
export async function reportPage(db: DbOrTx, cond: SQL, q: { page: number; pageSize: number }) {
  const [{ n }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from adr_reports r where ${cond}`);
  const ids = await rows<{ id: number }>(
    db,
    sql`select r.id from adr_reports r where ${cond} order by r.reported_on desc, r.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  return {
    items: await presentReports(
      db,
      ids.map((r) => r.id),
    ),
    total: n,
    page: q.page,
    pageSize: q.pageSize,
  };
}
