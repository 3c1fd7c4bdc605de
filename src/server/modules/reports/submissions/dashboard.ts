import { and, eq, isNotNull } from 'drizzle-orm';
import { addDays, daysBetween } from '../../../../contracts/calendar.js';
import type { ReportReminder } from '../../../../contracts/dashboard.js';
import { can } from '../../../../contracts/permissions.js';
import { reportSubmissions } from '../../../../db/schema/index.js';
import type { DashboardSection } from '../../../core/extensions.js';
import { workCalendar } from '../../calendar/public.js';
import { activeCampaignIds, bureauUnits, currentCampaign, reportedKey, type ReportedDueDatesSource } from '../../campaigns/public.js';
import { submittingUnits, unitCalendars } from './calendar.js';
import { listSubmissions } from './use-cases/list-submissions.js';

/** Reminders: due within this many days; missed within the dashboard's window. */
const SOON_DAYS = 7;
const MISSED_DAYS = 30;

/**
 * The 工作台's report section: for the caller's unit (its liaison), what falls due in the next
 * days and has not been sent up, and what was missed; for reviewers and the receiving level, how
 * many reports wait for them.
 */
export const reportsDashboardSection: DashboardSection = {
  key: 'reports',
  async load(ctx, today) {
    const { role } = ctx.actor;
    if (!can(role, 'reports.submit') && !can(role, 'reports.approve') && !can(role, 'reports.accept')) return { reports: null };
    const dueSoon: ReportReminder[] = [];
    const missing: ReportReminder[] = [];
    if (can(role, 'reports.submit')) {
      const calendar = await workCalendar(ctx.db);
      const now = new Date();
      for (const id of await activeCampaignIds(ctx)) {
        const c = await currentCampaign(ctx.db, id);
        const all = await bureauUnits(ctx.db, c.jurisdictionId);
        const mine = (await submittingUnits(ctx.db, c.definition, all)).filter((u) => u.id === ctx.actor.orgUnitId);
        if (!mine.length) continue;
        const range = { from: addDays(today, -MISSED_DAYS), to: addDays(today, SOON_DAYS) };
        const [cal] = await unitCalendars(ctx.db, id, c.definition, all, mine, calendar, now, range);
        for (const e of cal?.entries ?? []) {
          if (e.status !== 'pending' && e.status !== 'missing') continue;
          const o = c.definition.obligations.find((x) => x.key === e.obligationKey)!;
          const item: ReportReminder = {
            campaignId: id,
            campaignName: c.name,
            obligationKey: e.obligationKey,
            label: o.label,
            orgUnitName: cal.name,
            dueDate: e.dueDate!,
            dueAt: e.dueAt!,
            days: daysBetween(today, e.dueDate!),
            submissionId: e.submissionId,
            submissionStatus: e.submissionStatus,
          };
          (e.status === 'pending' ? dueSoon : missing).push(item);
        }
      }
    }
    missing.sort((a, b) => b.dueAt.localeCompare(a.dueAt));
    const toApprove = can(role, 'reports.approve') ? (await listSubmissions(ctx, { box: 'approve' })).length : 0;
    const toReceive = can(role, 'reports.accept') ? (await listSubmissions(ctx, { box: 'receive' })).length : 0;
    return { reports: { dueSoon, missing, toApprove, toReceive } };
  },
};

/** For the campaigns 工作台 deadlines: the due dates already sent up (at least once). */
export const reportedDueDatesSource: ReportedDueDatesSource = {
  key: 'reports',
  async reported(ctx, campaignId) {
    const rows = await ctx.db
      .select({ o: reportSubmissions.obligationKey, d: reportSubmissions.dueDate, u: reportSubmissions.orgUnitId })
      .from(reportSubmissions)
      .where(and(eq(reportSubmissions.campaignId, campaignId), isNotNull(reportSubmissions.firstReportedAt), isNotNull(reportSubmissions.dueDate)));
    return new Set(rows.map((r) => reportedKey(r.o, r.d!, r.u)));
  },
};
