import { eq, sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import { boundQuotas, describeRule, dueDates, pendingDecisions, reportingPeriod, type CampaignDefinition } from '../../../../contracts/campaigns.js';
import { campaignInspectionProgress, progressOf } from '../../planning/use-cases/campaign-inspection-progress.js';
import { campaignLiaisons, campaignTaskProgress } from '../../../../db/schema/index.js';
import type { DbOrTx } from '../../../../db/client.js';
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

/** Townships / villages under the campaign's jurisdiction with and without a coordinator / informant. */
export async function staffingProgress(db: DbOrTx, path: string) {
  const r = await db.execute(sql`
    select j.level, j.id, j.name, p.name as parent_name,
      exists(select 1 from users u where u.jurisdiction_id = j.id and u.active
        and u.role = case when j.level = 'township' then 'coordinator' else 'informant' end) as staffed
    from jurisdictions j left join jurisdictions p on p.id = j.parent_id
    where j.path like ${path + '%'} and j.level in ('township','village')
    order by j.path`);
  const rows = ((r as any).rows ?? r) as { level: string; id: number; name: string; parent_name: string; staffed: boolean }[];
  const part = (level: string) => {
    const all = rows.filter((x) => x.level === level);
    const missing = all.filter((x) => !x.staffed).map((x) => ({ id: Number(x.id), name: x.name, parent: x.parent_name }));
    return { total: all.length, staffed: all.length - missing.length, missing };
  };
  return { townships: part('township'), villages: part('village') };
}

/** Everything the campaign home shows: timeline, focus, organisation, tasks with progress, liaisons, staffing. */
export async function campaignHome(ctx: Ctx, id: number) {
  const c = await getCampaignRow(ctx.db, ctx.actor, id);
  const def = c.definition as CampaignDefinition;
  const units = await bureauUnits(ctx.db, c.jurisdictionId);
  /** A unit's own rows are editable only by people who may report (not the read-only viewer or leader). */
  const reports = can(ctx.actor.role, 'campaigns.report');
  const today = shanghaiToday();
  const progress = await ctx.db.select().from(campaignTaskProgress).where(eq(campaignTaskProgress.campaignId, id));
  const pOf = new Map(progress.map((p) => [`${p.taskNo}:${p.orgUnitId}`, p]));
  // The current plan's live coverage: shown on the home, and the progress of tasks bound to quotas.
  const inspection = await campaignInspectionProgress(ctx, id);
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
  const window = reportingPeriod(def);
  const calendar = await workCalendar(ctx.db);
  const obligations = def.obligations.map((o) => {
    const dates = dueDates(o.rule, window, calendar);
    return { key: o.key, label: o.label, rule: describeRule(o.rule), count: dates.length, next: dates.find((d) => d.date >= today) ?? null };
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
  };
}

/** All due dates of one obligation (or all) in a window, default the campaign period. */
export async function listDueDates(ctx: Ctx, id: number, q: { obligation?: string; from?: string; to?: string }) {
  const c = await getCampaignRow(ctx.db, ctx.actor, id);
  const def = c.definition as CampaignDefinition;
  const { from: first, to: end } = reportingPeriod(def);
  const from = q.from && q.from > first ? q.from : first;
  const to = q.to && q.to < end ? q.to : end;
  const calendar = await workCalendar(ctx.db);
  return def.obligations
    .filter((o) => !q.obligation || o.key === q.obligation)
    .flatMap((o) => dueDates(o.rule, { from, to }, calendar).map((d) => ({ obligation: o.key, label: o.label, ...d })))
    .sort((a, b) => a.at.localeCompare(b.at));
}

export async function unitsOfCampaign(ctx: Ctx, id: number) {
  const c = await getCampaignRow(ctx.db, ctx.actor, id);
  return { c, units: await bureauUnits(ctx.db, c.jurisdictionId) };
}
