import { addDays, periodOf, type WorkCalendar } from '../../../../contracts/calendar.js';
import { dueDates, obligationWindow, type CampaignDefinition, type Obligation } from '../../../../contracts/campaigns.js';
import type { DueDate } from '../../../../contracts/deadline-rules.js';
import type { DueStatus } from '../../../../contracts/submissions.js';
import { resolveRef, type BureauUnit } from '../../campaigns/public.js';

/**
 * The obligations calendar as pure functions: every due date of an obligation in the campaign's
 * reporting window, the units that submit it, and the status of one due date given what was
 * reported (first time sent up) and the instant now.
 */
export function obligationDueDates(def: CampaignDefinition, o: Obligation, calendar: WorkCalendar): DueDate[] {
  const { window } = obligationWindow(def, o.rule);
  if (!window) return [];
  return dueDates(o.rule, window, calendar);
}

/** The org units that submit an obligation (its submitter references resolved in the bureau). */
export function submitterUnits(o: Obligation, units: BureauUnit[]): BureauUnit[] {
  const out = new Map<number, BureauUnit>();
  for (const r of o.submitters) for (const u of resolveRef(r, units)) out.set(u.id, u);
  return [...out.values()];
}

/** The unit that receives an obligation, when it is a unit of the bureau. */
export function recipientUnit(o: Obligation, units: BureauUnit[]): BureauUnit | null {
  return o.recipient ? (resolveRef(o.recipient, units)[0] ?? null) : null;
}

export interface ReportedFact {
  firstReportedAt: Date | null;
  status: string;
}

const HOUR = 3_600_000;

/**
 * 待报 (not due yet, not sent up), 按时报送 / 逾期报送 (first sent up before / after the deadline
 * instant, e.g. 15:00 +08:00 of a daily report: 15:01 is late), 未报 (deadline passed, never sent
 * up), 已受理 (accepted by the level above). Hours late are whole hours, rounded up.
 */
export function dueStatus(due: DueDate, sub: ReportedFact | undefined, now: Date): { status: DueStatus; hoursLate: number | null } {
  const deadline = new Date(due.at).getTime();
  const reported = sub?.firstReportedAt?.getTime();
  if (reported != null) {
    const late = reported > deadline;
    const hoursLate = late ? Math.ceil((reported - deadline) / HOUR) : null;
    if (sub!.status === 'accepted') return { status: 'accepted', hoursLate };
    return { status: late ? 'late' : 'on_time', hoursLate };
  }
  if (now.getTime() > deadline) return { status: 'missing', hoursLate: Math.ceil((now.getTime() - deadline) / HOUR) };
  return { status: 'pending', hoursLate: null };
}

/**
 * Periods of a minimum count (典型案例每季度不少于1个) inside the reporting window, up to today:
 * each month / quarter (clipped to the window) or the whole campaign.
 */
export function countPeriods(
  per: 'month' | 'quarter' | 'campaign',
  window: { from: string; to: string },
  today: string,
): { label: string; from: string; to: string }[] {
  if (per === 'campaign') return [{ label: '行动期间', ...window }];
  const out: { label: string; from: string; to: string }[] = [];
  const end = today < window.to ? today : window.to;
  for (let day = window.from; day <= end; ) {
    const p = periodOf(per, day);
    out.push({ label: p.label, from: p.from < window.from ? window.from : p.from, to: p.to > window.to ? window.to : p.to });
    day = addDays(p.to, 1);
  }
  return out;
}
