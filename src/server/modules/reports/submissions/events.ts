import { dateOf } from '../../../../contracts/calendar.js';
import { eventDue, obligationWindow, type CampaignDefinition, type Obligation } from '../../../../contracts/campaigns.js';
import type { DueDate, ObligationEvent } from '../../../../contracts/deadline-rules.js';
import type { DbOrTx } from '../../../../db/client.js';
import { referrals } from '../../cases/public.js';
import { seriousFindings } from '../../inspections/public.js';

/** An event an obligation can be due after, where (jurisdiction path) and when it happened. */
export interface RecordedEvent {
  kind: ObligationEvent;
  at: Date;
  path: string;
}

/**
 * The events of the kinds the campaign's event-triggered obligations name, recorded in the area
 * (subtree at `areaPath`) during the campaign's reporting window, read through the owning modules'
 * public queries. `cluster_alert` is declared for the ADR module and has no source yet.
 */
export async function campaignEvents(db: DbOrTx, def: CampaignDefinition, areaPath: string): Promise<RecordedEvent[]> {
  const wanted = new Map<ObligationEvent, { from: string; to: string }>();
  for (const o of def.obligations) {
    if (o.rule.type !== 'event' || !o.rule.event) continue;
    const { window } = obligationWindow(def, o.rule);
    if (!window) continue;
    const w = wanted.get(o.rule.event);
    wanted.set(o.rule.event, w ? { from: w.from < window.from ? w.from : window.from, to: w.to > window.to ? w.to : window.to } : window);
  }
  const out: RecordedEvent[] = [];
  for (const [kind, w] of wanted) {
    if (kind === 'serious_finding')
      for (const e of await seriousFindings(db, areaPath, w.from, w.to)) out.push({ kind, at: e.at, path: e.path });
    else if (kind === 'case_referred')
      for (const e of await referrals(db, areaPath, w.from, w.to)) out.push({ kind, at: e.at, path: e.path });
  }
  return out;
}

/**
 * The due dates of an event-triggered obligation for one submitting unit: each event of its kind in
 * the unit's area (path prefix) and the obligation's window is due `withinHours` later. Events due on
 * the same day make one due date (one report covers them), at the earliest deadline.
 */
export function eventDueDates(def: CampaignDefinition, o: Obligation, events: RecordedEvent[], unitPath: string): DueDate[] {
  const { window } = obligationWindow(def, o.rule);
  if (o.rule.type !== 'event' || !window) return [];
  const byDate = new Map<string, DueDate>();
  for (const e of events) {
    if (e.kind !== o.rule.event || !e.path.startsWith(unitPath)) continue;
    const due = eventDue(o.rule, e.at);
    if (!due) continue;
    const day = dateOf(e.at);
    if (day < window.from || day > window.to) continue;
    const cur = byDate.get(due.date);
    if (!cur || due.at < cur.at) byDate.set(due.date, due);
  }
  return [...byDate.values()].sort((a, b) => a.at.localeCompare(b.at));
}
