import { eq, inArray } from 'drizzle-orm';
import { dateOf } from '../../../../contracts/calendar.js';
import { describeRule, missingLabel, obligationWindow, type CampaignDefinition } from '../../../../contracts/campaigns.js';
import type { WorkCalendar } from '../../../../contracts/calendar.js';
import type { CalendarEntry, ObligationCalendar } from '../../../../contracts/submissions.js';
import type { DbOrTx } from '../../../../db/client.js';
import { jurisdictions, reportSubmissions } from '../../../../db/schema/index.js';
import type { BureauUnit } from '../../campaigns/public.js';
import { campaignEvents, eventDueDates } from './events.js';
import { countPeriods, dueStatus, obligationDueDates, recipientUnit, submitterUnits, type ReportedFact } from './obligations.js';

type UnitCalendar = ObligationCalendar['units'][number];

export interface CalendarUnit extends BureauUnit {
  path: string;
}

/** The submitting units of a campaign (any obligation) with their jurisdiction paths. */
export async function submittingUnits(db: DbOrTx, def: CampaignDefinition, units: BureauUnit[]): Promise<CalendarUnit[]> {
  const byId = new Map<number, BureauUnit>();
  for (const o of def.obligations) if (o.form.type !== 'liaison') for (const u of submitterUnits(o, units)) byId.set(u.id, u);
  const list = [...byId.values()];
  if (!list.length) return [];
  const paths = await db
    .select({ id: jurisdictions.id, path: jurisdictions.path })
    .from(jurisdictions)
    .where(inArray(jurisdictions.id, [...new Set(list.map((u) => u.jurisdictionId))]));
  const pathOf = new Map(paths.map((p) => [p.id, p.path]));
  return list.map((u) => ({ ...u, path: pathOf.get(u.jurisdictionId) ?? '' }));
}

/**
 * Every due date of every obligation each unit submits, with its status (待报 / 按时报送 / 逾期报送
 * / 未报 / 已受理) from the unit's submissions, and for obligations with a minimum count the count
 * per period. Pure over what was read; `now` decides 待报 vs 未报.
 */
export async function unitCalendars(
  db: DbOrTx,
  campaignId: number,
  def: CampaignDefinition,
  allUnits: BureauUnit[],
  units: CalendarUnit[],
  calendar: WorkCalendar,
  now: Date,
  range?: { from: string; to: string },
): Promise<UnitCalendar[]> {
  const subs = units.length
    ? await db
        .select({
          id: reportSubmissions.id,
          obligationKey: reportSubmissions.obligationKey,
          dueDate: reportSubmissions.dueDate,
          orgUnitId: reportSubmissions.orgUnitId,
          status: reportSubmissions.status,
          firstReportedAt: reportSubmissions.firstReportedAt,
        })
        .from(reportSubmissions)
        .where(eq(reportSubmissions.campaignId, campaignId))
    : [];
  const wanted = new Set(units.map((u) => u.id));
  const byDue = new Map<string, (typeof subs)[number]>();
  const adHoc = new Map<string, Date[]>();
  for (const s of subs) {
    if (!wanted.has(s.orgUnitId)) continue;
    if (s.dueDate) byDue.set(`${s.obligationKey}|${s.dueDate}|${s.orgUnitId}`, s);
    if (s.firstReportedAt) {
      const k = `${s.obligationKey}|${s.orgUnitId}`;
      adHoc.set(k, [...(adHoc.get(k) ?? []), s.firstReportedAt]);
    }
  }
  const today = dateOf(now);
  // Event-triggered obligations: the events recorded in the listed units' common area, once.
  const events = def.obligations.some((o) => o.rule.type === 'event') && units.length ? await campaignEvents(db, def, commonPath(units)) : [];
  const out: UnitCalendar[] = [];
  for (const u of units) {
    const entries: UnitCalendar['entries'] = [];
    const counts: UnitCalendar['counts'] = [];
    const totals = { due: 0, onTime: 0, late: 0, missing: 0, pending: 0 };
    for (const o of def.obligations) {
      if (o.form.type === 'liaison' || !submitterUnits(o, allUnits).some((x) => x.id === u.id)) continue;
      const dates = o.rule.type === 'event' ? eventDueDates(def, o, events, u.path) : obligationDueDates(def, o, calendar);
      for (const d of dates) {
        if (range && (d.date < range.from || d.date > range.to)) continue;
        const s = byDue.get(`${o.key}|${d.date}|${u.id}`);
        const fact: ReportedFact | undefined = s && { firstReportedAt: s.firstReportedAt, status: s.status };
        const st = dueStatus(d, fact, now);
        const entry: CalendarEntry & { orgUnitId: number } = {
          obligationKey: o.key,
          dueDate: d.date,
          dueAt: d.at,
          status: st.status,
          hoursLate: st.hoursLate,
          submissionId: s?.id ?? null,
          submissionStatus: (s?.status as CalendarEntry['submissionStatus']) ?? null,
          orgUnitId: u.id,
        };
        entries.push(entry);
        if (st.status === 'pending') totals.pending++;
        else {
          totals.due++;
          if (st.status === 'missing') totals.missing++;
          else if (st.hoursLate) totals.late++;
          else totals.onTime++;
        }
      }
      if (o.minCount) {
        const { window } = obligationWindow(def, o.rule);
        if (!window) continue;
        const reported = adHoc.get(`${o.key}|${u.id}`) ?? [];
        for (const p of countPeriods(o.minCount.per, window, today)) {
          if (range && (p.to < range.from || p.from > range.to)) continue;
          const n = reported.filter((t) => {
            const day = dateOf(t);
            return day >= p.from && day <= p.to;
          }).length;
          counts.push({
            obligationKey: o.key,
            period: p.label,
            from: p.from,
            to: p.to,
            required: o.minCount.count,
            submitted: n,
            met: n >= o.minCount.count,
          });
        }
      }
    }
    entries.sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? '') || a.obligationKey.localeCompare(b.obligationKey));
    out.push({ orgUnitId: u.id, name: u.name, jurisdictionId: u.jurisdictionId, entries, counts, totals });
  }
  return out;
}

/** The deepest jurisdiction path every unit's path starts with ("/1/2/"). */
function commonPath(units: CalendarUnit[]): string {
  let parts = units[0].path.split('/').filter(Boolean);
  for (const u of units) {
    const p = u.path.split('/').filter(Boolean);
    let i = 0;
    while (i < parts.length && i < p.length && parts[i] === p[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.length ? `/${parts.join('/')}/` : '/';
}

/** The obligations of a campaign as the calendar's legend. */
export function obligationLegend(def: CampaignDefinition, allUnits: BureauUnit[]): ObligationCalendar['obligations'] {
  return def.obligations
    .filter((o) => o.form.type !== 'liaison')
    .map((o) => ({
      key: o.key,
      label: o.label,
      rule: describeRule(o.rule),
      formType: o.form.type,
      recipient: recipientUnit(o, allUnits)?.name ?? o.externalRecipient ?? o.recipient ?? null,
      missing: missingLabel(obligationWindow(def, o.rule).missing),
      minCount: o.minCount ? { count: o.minCount.count, per: o.minCount.per } : null,
    }));
}
