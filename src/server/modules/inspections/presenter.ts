import { sql } from 'drizzle-orm';
import { shanghaiToday, daysBetween } from '../../../contracts/calendar.js';
import type {
  ChecklistAnswer,
  Inspection,
  InspectionKind,
  InspectionStatus,
  RectificationStatus,
  RectificationView,
} from '../../../contracts/inspections.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor, Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { filesOf } from '../../core/files/index.js';
import { rows } from '../../core/sql.js';
import { originInForce } from './origins.js';
import { peopleNames } from './queries.js';
import { inspectionWorkflow, rectificationWorkflow } from './workflow.js';

interface InspectionRow {
  id: number;
  plan_task_id: number | null;
  plan_id: number | null;
  entity_id: number;
  entity_name: string | null;
  jurisdiction_id: number;
  date_text: string;
  inspector_ids: number[] | null;
  status: InspectionStatus;
  note: string | null;
  cancel_reason: string | null;
  version: number;
  recorded_at: string | Date | null;
  kind: InspectionKind;
  campaign_id: number | null;
  sign_mode: 'paper' | 'on_site';
  record_no: string | null;
  signed_at: string | Date | null;
  started_at: string | null;
  ended_at: string | null;
  staff_count: number | null;
  joint_departments: string[] | null;
  recheck_of: number | null;
  checklist_key: string | null;
  answers: ChecklistAnswer[] | string | null;
}

export interface RectificationRow {
  id: number;
  inspection_id: number;
  entity_id: number;
  entity_name: string;
  jurisdiction_id: number;
  station_name: string;
  deadline: string;
  status: RectificationStatus;
  evidence_note: string | null;
  closed_by_inspection_id: number | null;
  closed_at: string | Date | null;
  version: number;
}

export const RECTIFICATION_COLUMNS = sql`r.id, r.inspection_id, r.entity_id, e.name as entity_name, r.jurisdiction_id, j.name as station_name, r.deadline::text as deadline,
  r.status, r.evidence_note, r.closed_by_inspection_id, r.closed_at, r.version`;

/** A rectification as the API shows it: days overdue (Beijing today) and the caller's actions. */
export function presentRectification(actor: Pick<Actor, 'role'>, r: RectificationRow, today = shanghaiToday()): RectificationView {
  const open = r.status !== 'closed';
  return {
    id: r.id,
    inspectionId: r.inspection_id,
    entityId: r.entity_id,
    entityName: r.entity_name,
    stationId: r.jurisdiction_id,
    stationName: r.station_name,
    deadline: r.deadline,
    status: r.status,
    daysOverdue: open && r.deadline < today ? daysBetween(r.deadline, today) : 0,
    evidenceNote: r.evidence_note,
    closedByInspectionId: r.closed_by_inspection_id,
    closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
    version: r.version,
    // Closing takes a 复查 inspection (recorded with `rectificationResults`), not a button.
    actions: rectificationWorkflow.actionsFor(actor, r.status).filter((a) => a !== 'close'),
  };
}

/** Whether every inspector on an on-site record has signed and the unit's person too. */
export function signaturesComplete(inspectorIds: number[], signatures: { signer: string; userId: number | null }[]) {
  const signed = new Set(signatures.filter((s) => s.signer === 'inspector').map((s) => s.userId));
  return inspectorIds.every((i) => signed.has(i)) && signatures.some((s) => s.signer === 'unit');
}

/** One inspection as the API shows it, with its findings, measures, signatures, rectifications and the caller's actions. */
export async function presentInspection(ctx: Pick<Ctx, 'actor' | 'ext'>, db: DbOrTx, id: number): Promise<Inspection> {
  const [r] = await rows<InspectionRow>(
    db,
    sql`select i.*, i.date::text as date_text, e.name as entity_name from inspections i left join entities e on e.id = i.entity_id where i.id = ${id}`,
  );
  if (!r) throw notFound('检查记录');
  const [findings, measures, signatures, rects, fileMap] = await Promise.all([
    rows(
      db,
      sql`select id, item_key, severity, violation_type, legal_basis, description from inspection_findings where inspection_id = ${id} order by id`,
    ),
    rows(
      db,
      sql`select id, kind, deadline::text as deadline, amount::float8 as amount, party, note, document_no from inspection_measures where inspection_id = ${id} order by id`,
    ),
    rows(db, sql`select signer, user_id, name, signed_at, file_id from inspection_signatures where inspection_id = ${id} order by id`),
    rows<RectificationRow>(
      db,
      sql`select ${RECTIFICATION_COLUMNS} from rectifications r join entities e on e.id = r.entity_id join jurisdictions j on j.id = r.jurisdiction_id where r.inspection_id = ${id} order by r.id`,
    ),
    filesOf(db, 'inspection', [id]),
  ]);
  const inspectorIds = r.inspector_ids ?? [];
  const names = await peopleNames(db, inspectorIds);
  const inForce =
    r.status === 'done' || r.status === 'draft' ? await originInForce(ctx.ext, db, { id: r.id, planTaskId: r.plan_task_id }) : false;
  const complete =
    r.sign_mode === 'paper' ||
    signaturesComplete(
      inspectorIds,
      signatures.map((s) => ({ signer: s.signer, userId: s.user_id })),
    );
  const signedIds = new Set(signatures.filter((s) => s.signer === 'inspector').map((s) => s.user_id as number));
  const signatureFiles = new Set(signatures.map((s) => s.file_id));
  const answers = typeof r.answers === 'string' ? (JSON.parse(r.answers) as ChecklistAnswer[]) : (r.answers ?? []);
  return {
    id: r.id,
    planTaskId: r.plan_task_id,
    planId: r.plan_id,
    entityId: r.entity_id,
    entityName: r.entity_name ?? `#${r.entity_id}`,
    jurisdictionId: r.jurisdiction_id,
    date: r.date_text,
    inspectors: inspectorIds.map((i) => ({ id: i, name: names.get(i) ?? `#${i}` })),
    status: r.status,
    note: r.note,
    cancelReason: r.cancel_reason,
    version: r.version,
    recordedAt: r.recorded_at ? new Date(r.recorded_at).toISOString() : null,
    actions: inspectionWorkflow
      .actionsFor(ctx.actor, r.status, { originInForce: inForce, complete })
      .filter((a) => a !== 'sign' || (inspectorIds.includes(ctx.actor.id) && !signedIds.has(ctx.actor.id))),
    kind: r.kind,
    campaignId: r.campaign_id,
    signMode: r.sign_mode,
    recordNo: r.record_no,
    signedAt: r.signed_at ? new Date(r.signed_at).toISOString() : null,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    staffCount: r.staff_count,
    jointDepartments: r.joint_departments ?? [],
    recheckOf: r.recheck_of,
    checklistKey: r.checklist_key,
    answers,
    findings: findings.map((f) => ({
      id: f.id,
      itemKey: f.item_key,
      severity: f.severity,
      violationType: f.violation_type,
      legalBasis: f.legal_basis,
      description: f.description,
    })),
    measures: measures.map((m) => ({
      id: m.id,
      kind: m.kind,
      deadline: m.deadline,
      amount: m.amount == null ? null : Number(m.amount),
      party: m.party,
      note: m.note,
      documentNo: m.document_no,
    })),
    signatures: signatures.map((s) => ({
      signer: s.signer,
      userId: s.user_id,
      name: s.name,
      signedAt: new Date(s.signed_at).toISOString(),
      fileId: s.file_id,
    })),
    awaitingSignatures:
      r.sign_mode === 'on_site' && r.status === 'draft'
        ? inspectorIds.filter((i) => !signedIds.has(i)).map((i) => ({ id: i, name: names.get(i) ?? `#${i}` }))
        : [],
    unitSigned: signatures.some((s) => s.signer === 'unit'),
    rectifications: rects.map((x) => presentRectification(ctx.actor, x)),
    // Evidence photos and documents; the signature images are shown with their signatures, not here.
    files: (fileMap.get(id) ?? []).filter((f) => !signatureFiles.has(f.id)),
  };
}
