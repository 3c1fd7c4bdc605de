import { and, eq, inArray } from 'drizzle-orm';
import { addDays as shift, daysBetween, type WorkCalendar } from '../../../contracts/calendar.js';
import { boundQuotas, describeRule, dueDates, obligationWindow, type CampaignDefinition } from '../../../contracts/campaigns.js';
import {
  DASHBOARD_WINDOW_DAYS,
  type Dashboard,
  type DashboardCampaign,
  type DeadlineItem,
  type StaffingItem,
  type TaskItem,
} from '../../../contracts/dashboard.js';
import { can } from '../../../contracts/permissions.js';
import { campaigns, campaignTaskProgress, campaignVersions, jurisdictions } from '../../../db/schema/index.js';
import type { Actor, Ctx } from '../../core/context.js';
import { pathInScope } from '../../core/scope.js';
import { workCalendar } from '../calendar/public.js';
import type { DashboardSection } from '../../core/extensions.js';
import { campaignProgress, progressOf, reportedDueDates, reportedKey } from './public.js';
import { campaignVisible } from './queries.js';
import { bureauUnits, resolveRef, type BureauUnit } from './resolve-units.js';
import { staffingProgress } from './use-cases/staffing-progress.js';

function unitsOf(refs: string[], units: BureauUnit[]) {
  const ids = new Set<number>();
  for (const r of refs) for (const u of resolveRef(r, units)) ids.add(u.id);
  return ids;
}

interface ActiveCampaign {
  id: number;
  jurisdictionId: number;
  name: string;
  jurisdictionName: string;
  path: string;
  def: CampaignDefinition;
}

/** Active campaigns the actor sees (their bureau's, or those of bureaus in their scope), current definitions. */
async function activeCampaigns(ctx: Ctx): Promise<ActiveCampaign[]> {
  const rows = await ctx.db
    .select({
      id: campaigns.id,
      jurisdictionId: campaigns.jurisdictionId,
      name: campaigns.name,
      jurisdictionName: jurisdictions.name,
      path: jurisdictions.path,
      definition: campaignVersions.definition,
    })
    .from(campaigns)
    .innerJoin(jurisdictions, eq(jurisdictions.id, campaigns.jurisdictionId))
    .innerJoin(campaignVersions, and(eq(campaignVersions.campaignId, campaigns.id), eq(campaignVersions.version, campaigns.version)))
    .where(and(campaignVisible(ctx.actor), eq(campaigns.status, 'active')))
    .orderBy(campaigns.periodFrom, campaigns.id);
  return rows.map((r) => ({ ...r, def: r.definition as CampaignDefinition }));
}

function presentCampaign(
  c: ActiveCampaign & { def: { period: NonNullable<CampaignDefinition['period']> } },
  today: string,
  tasksDone: number,
  tasksTotal: number,
): DashboardCampaign {
  const { from, to } = c.def.period;
  const total = daysBetween(from, to) + 1;
  const elapsed = Math.min(total, Math.max(0, daysBetween(from, today) + 1));
  const phases = c.def.phases.map((p) => ({ key: p.key, name: p.name, from: p.from, to: p.to }));
  return {
    id: c.id,
    name: c.name,
    jurisdictionName: c.jurisdictionName,
    from,
    to,
    phases,
    currentPhase: phases.find((p) => p.from <= today && today <= p.to) ?? null,
    state: today < from ? 'upcoming' : today > to ? 'ended' : 'running',
    elapsedPct: Math.round((elapsed / total) * 1000) / 10,
    daysLeft: Math.max(0, daysBetween(today, to)),
    tasksDone,
    tasksTotal,
  };
}

/**
 * Report deadlines of one campaign that concern the actor: obligations their unit submits or
 * receives, or every obligation when the owning bureau lies in their scope. Due dates come from the
 * campaign's deadline rules (contracts/deadline-rules.ts), inside the reporting period.
 */
function deadlinesOf(c: ActiveCampaign, actor: Actor, units: BureauUnit[], today: string, calendar: WorkCalendar, reported: Set<string>) {
  const upcoming: DeadlineItem[] = [];
  const overdue: DeadlineItem[] = [];
  const oversee = pathInScope(actor, c.path);
  for (const o of c.def.obligations) {
    // No dates where the plan leaves the period, weekday or day unset (the campaign home says 方案未定).
    const { window } = obligationWindow(c.def, o.rule);
    if (!window) continue;
    const clip = (a: string, b: string) => ({ from: a > window.from ? a : window.from, to: b < window.to ? b : window.to });
    const submitters = unitsOf(o.submitters, units);
    const relation = submitters.has(actor.orgUnitId)
      ? 'submit'
      : unitsOf(o.recipient ? [o.recipient] : [], units).has(actor.orgUnitId)
        ? 'receive'
        : oversee
          ? 'oversee'
          : null;
    if (!relation) continue;
    const base = {
      campaignId: c.id,
      campaignName: c.name,
      obligation: o.key,
      label: o.label,
      rule: describeRule(o.rule),
      relation,
    } as const;
    // A due date reported (by the caller's unit, or by every submitter for those who receive or oversee) is no longer open.
    const open = (d: { date: string }) =>
      relation === 'submit'
        ? !reported.has(reportedKey(o.key, d.date, actor.orgUnitId))
        : !submitters.size || [...submitters].some((u) => !reported.has(reportedKey(o.key, d.date, u)));
    const next = dueDates(o.rule, clip(today, shift(today, DASHBOARD_WINDOW_DAYS)), calendar).filter(open);
    if (next.length) upcoming.push({ ...base, ...next[0], days: daysBetween(today, next[0].date), more: next.length - 1 });
    const past = dueDates(o.rule, clip(shift(today, -DASHBOARD_WINDOW_DAYS), shift(today, -1)), calendar).filter(open);
    const last = past.at(-1);
    if (last) overdue.push({ ...base, ...last, days: daysBetween(today, last.date), more: past.length - 1 });
  }
  return { upcoming, overdue };
}

/** The 工作台's campaign sections: running campaigns, report deadlines, my tasks, staffing. */
async function campaignSections(ctx: Ctx, today: string): Promise<Pick<Dashboard, 'campaigns' | 'deadlines' | 'tasks' | 'staffing'>> {
  const { actor } = ctx;
  if (!can(actor.role, 'campaigns.read')) return { campaigns: null, deadlines: null, tasks: null, staffing: null };
  const active = await activeCampaigns(ctx);
  const calendar = await workCalendar(ctx.db);
  const ids = active.map((c) => c.id);
  const progress = ids.length
    ? await ctx.db
        .select({
          campaignId: campaignTaskProgress.campaignId,
          taskNo: campaignTaskProgress.taskNo,
          orgUnitId: campaignTaskProgress.orgUnitId,
          status: campaignTaskProgress.status,
        })
        .from(campaignTaskProgress)
        .where(inArray(campaignTaskProgress.campaignId, ids))
    : [];
  const statusOf = new Map(progress.map((p) => [`${p.campaignId}:${p.taskNo}:${p.orgUnitId}`, p.status]));
  const [me] = await ctx.db.select({ name: jurisdictions.name }).from(jurisdictions).where(eq(jurisdictions.id, actor.jurisdictionId));

  const out: DashboardCampaign[] = [];
  const upcoming: DeadlineItem[] = [];
  const overdue: DeadlineItem[] = [];
  const tasks: TaskItem[] = [];
  const staffing: StaffingItem[] = [];
  const unitsCache = new Map<string, BureauUnit[]>();
  for (const c of active) {
    const units = unitsCache.get(c.path) ?? (await bureauUnits(ctx.db, c.jurisdictionId));
    unitsCache.set(c.path, units);
    let done = 0;
    let total = 0;
    // Inspection coverage of the campaign's current plan (also the status of tasks bound to quotas).
    const inspection = await campaignProgress(ctx, c.id);
    const jurisdictionOf = new Map(units.map((u) => [u.id, u.jurisdictionId]));
    for (const t of c.def.tasks) {
      const quotas = boundQuotas(t);
      for (const unitId of unitsOf(t.units, units)) {
        const live = quotas.length
          ? inspection
            ? progressOf(inspection, quotas, jurisdictionOf.get(unitId) ?? -1)
            : { done: 0, required: 0 }
          : null;
        const status = (
          live
            ? live.required > 0 && live.done >= live.required
              ? 'done'
              : live.done > 0
                ? 'doing'
                : 'todo'
            : (statusOf.get(`${c.id}:${t.no}:${unitId}`) ?? 'todo')
        ) as TaskItem['status'];
        total++;
        if (status === 'done') done++;
        // My open items; a campaign whose period has passed no longer asks for work (its card says so).
        else if (unitId === actor.orgUnitId && (!c.def.period || today <= c.def.period.to))
          tasks.push({
            campaignId: c.id,
            campaignName: c.name,
            no: t.no,
            task: t.task,
            target: t.target,
            due: t.due ?? null,
            status,
            overdue: !!t.due && t.due < today,
          });
      }
    }
    // A campaign whose period is 方案未定 has no timeline card (its home asks the office to set it).
    const period = c.def.period;
    if (period)
      out.push({
        ...presentCampaign({ ...c, def: { ...c.def, period } }, today, done, total),
        inspection: inspection && { planId: inspection.planId, planName: inspection.planName, ...inspection.total },
      });
    const d = deadlinesOf(c, actor, units, today, calendar, await reportedDueDates(ctx, c.id));
    upcoming.push(...d.upcoming);
    overdue.push(...d.overdue);
    if (c.def.staffing) {
      // Count the actor's own area when it lies inside the bureau (a station sees its townships).
      const inside = actor.scope !== 'all' && actor.jurisdictionPath.startsWith(c.path);
      const path = inside ? actor.jurisdictionPath : c.path;
      const s = await staffingProgress(ctx.db, path);
      staffing.push({
        campaignId: c.id,
        campaignName: c.name,
        areaName: inside ? (me?.name ?? '') : c.jurisdictionName,
        by: c.def.staffing.by,
        coordinatorPerTownship: c.def.staffing.coordinatorPerTownship,
        informantPerVillage: c.def.staffing.informantPerVillage,
        townships: { total: s.townships.total, staffed: s.townships.staffed },
        villages: { total: s.villages.total, staffed: s.villages.staffed },
      });
    }
  }
  const rank = { running: 0, upcoming: 1, ended: 2 } as const;
  out.sort((a, b) => rank[a.state] - rank[b.state] || a.to.localeCompare(b.to));
  upcoming.sort((a, b) => a.at.localeCompare(b.at));
  overdue.sort((a, b) => b.at.localeCompare(a.at));
  tasks.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
      a.campaignId - b.campaignId ||
      a.no - b.no,
  );
  return { campaigns: out, deadlines: { upcoming, overdue }, tasks, staffing };
}

export const campaignsDashboardSection: DashboardSection = { key: 'campaigns', load: campaignSections };
