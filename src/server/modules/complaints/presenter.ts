import { sql, type SQL } from 'drizzle-orm';
import { isoTimestamp, type WorkCalendar } from '../../../contracts/calendar.js';
import type { Complaint, ComplaintKind, ComplaintStatus } from '../../../contracts/complaints.js';
import { can } from '../../../contracts/permissions.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../core/context.js';
import { rows } from '../../core/sql.js';
import { clueDecisions } from '../clues/public.js';
import { complaintDeadlines } from './deadlines.js';
import { complaintWorkflow } from './workflow.js';

export const COMPLAINT_SELECT = sql`select c.id, c.kind, c.channel, c.platform_no, c.received_on::text as received_on, c.real_name, c.complainant_name, c.complainant_phone,
  c.entity_id, c.subject_name, c.jurisdiction_id, j.name as jurisdiction_name, c.summary, c.content, c.status, c.accepted_on::text as accepted_on,
  c.refused_on::text as refused_on, c.refuse_reason, c.informed_on::text as informed_on, c.inform_note, c.replied_on::text as replied_on, c.reply, c.clue_id, c.version,
  r.amount::float8 as reward_amount, r.reason as reward_reason, r.status as reward_status, r.requested_by as reward_requested_by, rq.display_name as reward_requester,
  r.requested_at as reward_requested_at, rd.display_name as reward_decider, r.decided_at as reward_decided_at, r.note as reward_note
  from complaints c join jurisdictions j on j.id = c.jurisdiction_id
  left join complaint_rewards r on r.complaint_id = c.id left join users rq on rq.id = r.requested_by left join users rd on rd.id = r.decided_by`;

export interface ComplaintRow {
  id: number;
  kind: ComplaintKind;
  channel: Complaint['channel'];
  platform_no: string | null;
  received_on: string;
  real_name: boolean;
  complainant_name: string | null;
  complainant_phone: string | null;
  entity_id: number | null;
  subject_name: string | null;
  jurisdiction_id: number;
  jurisdiction_name: string;
  summary: string;
  content: string;
  status: ComplaintStatus;
  accepted_on: string | null;
  refused_on: string | null;
  refuse_reason: string | null;
  informed_on: string | null;
  inform_note: string | null;
  replied_on: string | null;
  reply: string | null;
  clue_id: number | null;
  version: number;
  reward_amount: number | null;
  reward_reason: string | null;
  reward_status: 'requested' | 'approved' | 'rejected' | null;
  reward_requested_by: number | null;
  reward_requester: string | null;
  reward_requested_at: string | Date | null;
  reward_decider: string | null;
  reward_decided_at: string | Date | null;
  reward_note: string | null;
}

export async function complaintRows(db: DbOrTx, where: SQL, tail: SQL = sql``): Promise<ComplaintRow[]> {
  return rows<ComplaintRow>(db, sql`${COMPLAINT_SELECT} where ${where} ${tail}`);
}

/** Complaints as the API shows them: deadlines from the rules, the clue's decision, the reward, the caller's actions. */
export async function presentComplaints(db: DbOrTx, actor: Actor, cal: WorkCalendar, list: ComplaintRow[]): Promise<Complaint[]> {
  const decisions = await clueDecisions(
    db,
    list.flatMap((c) => (c.clue_id ? [c.clue_id] : [])),
  );
  return list.map((c) => {
    const d = c.clue_id ? decisions.get(c.clue_id) : undefined;
    const filingDecisionOn = d && (d.status === 'filed' || d.status === 'not_filed') ? d.on : null;
    const deadlines = complaintDeadlines(cal, {
      kind: c.kind,
      realName: c.real_name,
      receivedOn: c.received_on,
      status: c.status,
      acceptedOn: c.accepted_on,
      refusedOn: c.refused_on,
      informedOn: c.informed_on,
      filingDecisionOn,
    });
    const manage = can(actor.role, 'complaints.manage');
    const mayInform = c.kind === 'report' && c.real_name && !!filingDecisionOn && !c.informed_on;
    return {
      id: c.id,
      kind: c.kind,
      channel: c.channel,
      platformNo: c.platform_no,
      receivedOn: c.received_on,
      realName: c.real_name,
      complainantName: c.complainant_name,
      complainantPhone: c.complainant_phone,
      entityId: c.entity_id,
      subjectName: c.subject_name,
      jurisdictionId: c.jurisdiction_id,
      jurisdictionName: c.jurisdiction_name,
      summary: c.summary,
      content: c.content,
      status: c.status,
      acceptedOn: c.accepted_on,
      refusedOn: c.refused_on,
      refuseReason: c.refuse_reason,
      informedOn: c.informed_on,
      informNote: c.inform_note,
      repliedOn: c.replied_on,
      reply: c.reply,
      clueId: c.clue_id,
      clueDecision: d ? { status: d.status, on: d.on } : null,
      deadlines,
      overdue: deadlines.some((x) => x.overdue && !x.doneOn),
      reward: c.reward_status
        ? {
            amount: Number(c.reward_amount),
            reason: c.reward_reason ?? '',
            status: c.reward_status,
            requestedBy: c.reward_requester ?? '',
            requestedAt: isoTimestamp(c.reward_requested_at!),
            decidedBy: c.reward_decider,
            decidedAt: isoTimestamp(c.reward_decided_at),
            note: c.reward_note,
            canDecide:
              c.reward_status === 'requested' && can(actor.role, 'complaints.reward_approve') && c.reward_requested_by !== actor.id,
          }
        : null,
      actions: complaintWorkflow.actionsFor(actor, c.status, { mayInform }),
      canMakeClue: manage && can(actor.role, 'clues.manage') && !c.clue_id && (c.status === 'accepted' || c.status === 'replied'),
      canRequestReward: manage && c.kind === 'report' && !c.reward_status && (c.status === 'accepted' || c.status === 'replied'),
      version: c.version,
    };
  });
}
