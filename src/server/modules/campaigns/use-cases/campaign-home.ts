import { eq } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import {
  type CampaignStatus,
  boundQuotas,
  describeRule,
  dueDates,
  missingLabel,
  obligationWindow,
  pendingDecisions,
  type CampaignDefinition,
} from '../../../../contracts/campaigns.js';
import { campaignProgress, progressOf } from '../public.js';
import { staffingProgress } from './staffing-progress.js';
import { campaignWorkflow } from '../workflow.js';
import { pathInScope } from '../../../core/scope.js';
import { campaignLiaisons, campaignTaskProgress } from '../../../../db/schema/index.js';
import { can } from '../../../../contracts/permissions.js';
import type { Ctx } from '../../../core/context.js';
import { workCalendar } from '../../calendar/public.js';
import { presentCampaign, presentLiaison, presentProgress } from '../presenter.js';
import { getCampaignRow } from '../queries.js';
import { bureauUnits, resolveRef, type BureauUnit } from '../resolve-units.js';

function expand(refs: string[], units: BureauUnit[]) {
  const seen = new Map<number, BureauUnit>();
  for (const r of refs) for (const u of resolveRef(r, units)) seen.set(u.id, u);
  return [...seen.values()];
}
const unitName = (u: BureauUnit) => u.shortName ?? u.name;

/** Everything the campaign home shows: timeline, focus, organisation, tasks with progress, liaisons, staffing. */
export async function campaignHome(ctx: Ctx, id: number) {
  const c = await getCampaignRow(ctx.db, ctx.actor, id);
  const def = c.definition as CampaignDefinition;
  const units = await bureauUnits(ctx.db, c.jurisdictionId);
  /** A unit's own rows are editable only by people who may report (not the read-only viewer or leader). */
  const reports = can(ctx.actor.role, 'campaigns.report');
  const today = shanghaiToday();
  const manages = can(ctx.actor.role, 'campaigns.manage') && pathInScope(ctx.actor, c.jurisdictionPath);
  const progress = await ctx.db.select().from(campaignTaskProgress).where(eq(campaignTaskProgress.campaignId, id));
  const pOf = new Map(progress.map((p) => [`${p.taskNo}:${p.orgUnitId}`, p]));
  // The current plan's live coverage: shown on the home, and the progress of tasks bound to quotas.
  const inspection = await campaignProgress(ctx, id);
  const tasks = def.tasks.map((t) => {
    const quotas = boundQuotas(t);
    return {
      ...t,
      progress: expand(t.units, units).map((u) => {
        const p = pOf.get(`${t.no}:${u.id}`);
        const row = { orgUnitId: u.id, unitName: unitName(u), mine: u.id === ctx.actor.orgUnitId && reports, ...presentProgress(p) };
        if (!quotas.length) return { ...row, live: null };
        // Measured, not reported: done when the unit's station has met every bound quota.
        const live = inspection ? progressOf(inspection, quotas, u.jurisdictionId) : { done: 0, required: 0 };
        const status = live.required > 0 && live.done >= live.required ? 'done' : live.done > 0 ? 'doing' : 'todo';
        return { ...row, status, live };
      }),
    };
  });
  const liaisonRows = await ctx.db.select().from(campaignLiaisons).where(eq(campaignLiaisons.campaignId, id));
  const lOf = new Map(liaisonRows.map((l) => [l.orgUnitId, l]));
  const liaisons = def.liaisons
    ? expand(def.liaisons.units, units).map((u) => {
        const l = lOf.get(u.id);
        return {
          orgUnitId: u.id,
          unitName: u.name,
          mine: u.id === ctx.actor.orgUnitId && reports,
          liaison: presentLiaison(l),
        };
      })
    : [];
  const calendar = await workCalendar(ctx.db);
  const obligations = def.obligations.map((o) => {
    // What the plan leaves unset (period, weekday, day) is said, not invented: no dates then.
    const { window, missing } = obligationWindow(def, o.rule);
    const dates = window ? dueDates(o.rule, window, calendar) : [];
    return {
      key: o.key,
      label: o.label,
      rule: describeRule(o.rule),
      count: dates.length,
      next: dates.find((d) => d.date >= today) ?? null,
      /** “方案未定：行动期间、星期几”; null when the dates can be computed. */
      unset: missingLabel(missing),
    };
  });
  return {
    campaign: { ...presentCampaign(c), templateCode: c.templateCode },
    definition: def,
    today,
    tasks,
    inspection: inspection && { planId: inspection.planId, planName: inspection.planName, ...inspection.total },
    liaisons,
    obligations,
    staffing: def.staffing ? { target: def.staffing, ...(await staffingProgress(ctx.db, c.jurisdictionPath)) } : null,
    pending: pendingDecisions(def),
    /** What the caller may do to the campaign now (workflow; only managers of its bureau). */
    actions: manages ? campaignWorkflow.actionsFor(ctx.actor, c.status as CampaignStatus) : [],
  };
}
