import { sql } from 'drizzle-orm';
import { addWorkingDays, isoTimestamp, shanghaiToday, type WorkCalendar } from '../../../contracts/calendar.js';
import {
  CLUE_DECISION_WORKING_DAYS,
  type AssistRequest,
  type Clue,
  type ClueSource,
  type ClueStatus,
  type ClueTransfer,
  type TransferStatus,
  type TransferTarget,
} from '../../../contracts/clues.js';
import { can } from '../../../contracts/permissions.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../core/context.js';
import { filesOf } from '../../core/files/index.js';
import { rows } from '../../core/sql.js';
import { assistWorkflow, clueWorkflow, transferWorkflow } from './workflow.js';

export const CLUE_COLUMNS = sql`c.id, c.source_type, c.source_id, c.source_detail_id, c.source_note, c.entity_id, c.subject_name, c.jurisdiction_id,
  j.name as jurisdiction_name, c.summary, c.description, c.received_on::text as received_on, c.handler_id, h.display_name as handler_name,
  c.status, c.findings, c.decision_reason, c.decided_at, d.display_name as decided_by_name, c.case_id, c.case_no, c.created_at, c.version`;
export const CLUE_FROM = sql`clues c join jurisdictions j on j.id = c.jurisdiction_id left join users h on h.id = c.handler_id left join users d on d.id = c.decided_by`;

export interface ClueRow {
  id: number;
  source_type: ClueSource;
  source_id: number | null;
  source_detail_id: number | null;
  source_note: string | null;
  entity_id: number | null;
  subject_name: string | null;
  jurisdiction_id: number;
  jurisdiction_name: string;
  summary: string;
  description: string;
  received_on: string;
  handler_id: number | null;
  handler_name: string | null;
  status: ClueStatus;
  findings: string | null;
  decision_reason: string | null;
  decided_at: string | Date | null;
  decided_by_name: string | null;
  case_id: number | null;
  case_no: string | null;
  created_at: string | Date;
  version: number;
}

/** The decision deadline (15 working days from receipt), or null when that year's holidays are not entered. */
export function decideBy(cal: WorkCalendar, receivedOn: string): string | null {
  try {
    return addWorkingDays(cal, receivedOn, CLUE_DECISION_WORKING_DAYS);
  } catch {
    return null;
  }
}

/** A clue as the API shows it (`transfers` and `files` filled by the caller for one clue, empty in lists). */
export function presentClueRow(
  actor: Actor,
  r: ClueRow,
  cal: WorkCalendar,
  extra: { files?: Clue['files']; transfers?: ClueTransfer[] } = {},
): Clue {
  const due = decideBy(cal, r.received_on);
  const open = r.status === 'pending' || r.status === 'verifying';
  return {
    id: r.id,
    source: r.source_type,
    sourceId: r.source_id,
    sourceDetailId: r.source_detail_id,
    sourceNote: r.source_note,
    entityId: r.entity_id,
    subjectName: r.subject_name,
    jurisdictionId: r.jurisdiction_id,
    jurisdictionName: r.jurisdiction_name,
    summary: r.summary,
    description: r.description,
    receivedOn: r.received_on,
    decideBy: due,
    overdue: open && !!due && due < shanghaiToday(),
    handler: r.handler_id ? { id: r.handler_id, name: r.handler_name ?? `#${r.handler_id}` } : null,
    status: r.status,
    findings: r.findings,
    decisionReason: r.decision_reason,
    decidedAt: isoTimestamp(r.decided_at),
    decidedBy: r.decided_by_name,
    caseId: r.case_id,
    caseNo: r.case_no,
    files: extra.files ?? [],
    transfers: extra.transfers ?? [],
    createdAt: isoTimestamp(r.created_at),
    actions: clueWorkflow.actionsFor(actor, r.status),
    canVerify: r.status === 'verifying' && can(actor.role, 'clues.manage'),
    version: r.version,
  };
}

export const TRANSFER_COLUMNS = sql`t.id, t.clue_id, t.case_id, c.summary as clue_summary, t.jurisdiction_id, j.name as jurisdiction_name, t.target, t.receiving_body,
  t.transferred_on::text as transferred_on, t.letter_no, t.note, t.status, t.receipt_on::text as receipt_on, t.receipt_note, t.letter_file_id, t.receipt_file_id, t.version`;
export const TRANSFER_FROM = sql`clue_transfers t join jurisdictions j on j.id = t.jurisdiction_id left join clues c on c.id = t.clue_id`;

export interface TransferRow {
  id: number;
  clue_id: number | null;
  case_id: number | null;
  clue_summary: string | null;
  jurisdiction_id: number;
  jurisdiction_name: string;
  target: TransferTarget;
  receiving_body: string;
  transferred_on: string;
  letter_no: string | null;
  note: string | null;
  status: TransferStatus;
  receipt_on: string | null;
  receipt_note: string | null;
  letter_file_id: number | null;
  receipt_file_id: number | null;
  version: number;
}

/** Transfers with their letter and receipt files. */
export async function presentTransfers(db: DbOrTx, actor: Actor, list: TransferRow[]): Promise<ClueTransfer[]> {
  const files = await filesOf(
    db,
    'clue_transfer',
    list.map((t) => t.id),
  );
  return list.map((t) => {
    const mine = files.get(t.id) ?? [];
    return {
      id: t.id,
      clueId: t.clue_id,
      caseId: t.case_id,
      clueSummary: t.clue_summary,
      jurisdictionId: t.jurisdiction_id,
      jurisdictionName: t.jurisdiction_name,
      target: t.target,
      receivingBody: t.receiving_body,
      transferredOn: t.transferred_on,
      letterNo: t.letter_no,
      note: t.note,
      status: t.status,
      receiptOn: t.receipt_on,
      receiptNote: t.receipt_note,
      letterFile: mine.find((f) => f.id === t.letter_file_id) ?? null,
      receiptFile: mine.find((f) => f.id === t.receipt_file_id) ?? null,
      actions: transferWorkflow.actionsFor(actor, t.status),
      version: t.version,
    };
  });
}

/** One clue with its files and transfers. */
export async function presentClue(db: DbOrTx, actor: Actor, cal: WorkCalendar, id: number): Promise<Clue> {
  const [r] = await rows<ClueRow>(db, sql`select ${CLUE_COLUMNS} from ${CLUE_FROM} where c.id = ${id}`);
  const [files, transfers] = await Promise.all([
    filesOf(db, 'clue', [id]),
    rows<TransferRow>(db, sql`select ${TRANSFER_COLUMNS} from ${TRANSFER_FROM} where t.clue_id = ${id} order by t.id`),
  ]);
  return presentClueRow(actor, r, cal, { files: files.get(id) ?? [], transfers: await presentTransfers(db, actor, transfers) });
}

export const ASSIST_COLUMNS = sql`a.id, a.direction, a.jurisdiction_id, j.name as jurisdiction_name, a.counterpart, a.subject, a.content, a.clue_id,
  (select c.id from clues c where c.source_type = 'assist' and c.source_id = a.id limit 1) as made_clue_id,
  a.date::text as date, a.due_on::text as due_on, a.letter_no, a.contact_name, a.contact_phone, a.status, a.replied_on::text as replied_on, a.reply_content, a.version`;
export const ASSIST_FROM = sql`assist_requests a join jurisdictions j on j.id = a.jurisdiction_id`;

export function presentAssist(actor: Actor, a: any): AssistRequest {
  const incoming = a.direction === 'incoming';
  return {
    id: a.id,
    direction: a.direction,
    jurisdictionId: a.jurisdiction_id,
    jurisdictionName: a.jurisdiction_name,
    counterpart: a.counterpart,
    subject: a.subject,
    content: a.content,
    clueId: a.clue_id,
    madeClueId: a.made_clue_id ?? null,
    date: a.date,
    dueOn: a.due_on,
    letterNo: a.letter_no,
    contactName: a.contact_name,
    contactPhone: a.contact_phone,
    status: a.status,
    overdue: a.status === 'open' && a.due_on < shanghaiToday(),
    repliedOn: a.replied_on,
    replyContent: a.reply_content,
    actions: assistWorkflow.actionsFor(actor, a.status, { incoming, hasClue: a.made_clue_id != null }),
    hasLetter: !incoming,
    version: a.version,
  };
}
