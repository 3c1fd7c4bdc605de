import { addWorkingDays, daysBetween, shanghaiToday, type WorkCalendar } from '../../../contracts/calendar.js';
import { COMPLAINT_DEADLINE_RULES, type ComplaintDeadline, type ComplaintKind } from '../../../contracts/complaints.js';

export interface DeadlineFacts {
  kind: ComplaintKind;
  realName: boolean;
  receivedOn: string;
  status: string;
  acceptedOn: string | null;
  refusedOn: string | null;
  informedOn: string | null;
  /** The Beijing date the clue made from it was decided (立案 / 不予立案), if it was. */
  filingDecisionOn: string | null;
}

/**
 * The deadlines of a complaint from the rules kept as data (contracts/complaints.ts), over the
 * holiday calendar: due date, when it was met, whether it is overdue today. A due date in a year
 * whose holidays are not entered is null (never guessed).
 */
export function complaintDeadlines(cal: WorkCalendar, c: DeadlineFacts, today = shanghaiToday()): ComplaintDeadline[] {
  const out: ComplaintDeadline[] = [];
  for (const rule of COMPLAINT_DEADLINE_RULES) {
    if (!rule.kinds.includes(c.kind) || (rule.realNameOnly && !c.realName)) continue;
    const start = rule.from === 'received' ? c.receivedOn : c.filingDecisionOn;
    if (!start) continue;
    let due: string | null = null;
    try {
      due = addWorkingDays(cal, start, rule.workingDays);
    } catch {
      due = null;
    }
    const doneOn = rule.key === 'accept' ? (c.acceptedOn ?? c.refusedOn) : c.informedOn;
    const overdue = !!due && (doneOn ? doneOn > due : today > due);
    out.push({
      key: rule.key,
      label: `${rule.label}（${rule.workingDays}个工作日）`,
      due,
      doneOn,
      overdue,
      daysOverdue: overdue && due ? daysBetween(due, doneOn ?? today) : 0,
      inferred: rule.status === 'inferred',
      basis: rule.status === 'inferred' ? `${rule.basis}${rule.reason ?? ''}` : rule.basis,
    });
  }
  return out;
}
