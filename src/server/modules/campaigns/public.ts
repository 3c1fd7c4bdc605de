import { and, eq } from 'drizzle-orm';
import type { CampaignDefinition } from '../../../contracts/campaigns.js';
import type { DbOrTx } from '../../../db/client.js';
import { campaigns, campaignVersions, jurisdictions } from '../../../db/schema/index.js';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { campaignVisible } from './queries.js';

/**
 * What other modules may use of campaigns: typed reads of a campaign's current definition, and the
 * `campaignProgress` extension point through which a module that measures work (planning: the
 * current plan's coverage) supplies the live progress of tasks bound to quotas.
 */
export { getCampaignRow } from './queries.js';
export { staffingProgress } from './use-cases/staffing-progress.js';

export interface CurrentCampaign {
  id: number;
  name: string;
  status: string;
  jurisdictionId: number;
  jurisdictionPath: string;
  version: number;
  definition: CampaignDefinition;
}

/** A campaign with its current definition, typed; no scope check (the caller's policy decides). */
export async function currentCampaign(db: DbOrTx, id: number): Promise<CurrentCampaign> {
  const [c] = await db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      status: campaigns.status,
      jurisdictionId: campaigns.jurisdictionId,
      jurisdictionPath: jurisdictions.path,
      version: campaigns.version,
      definition: campaignVersions.definition,
    })
    .from(campaigns)
    .innerJoin(jurisdictions, eq(jurisdictions.id, campaigns.jurisdictionId))
    .innerJoin(campaignVersions, and(eq(campaignVersions.campaignId, campaigns.id), eq(campaignVersions.version, campaigns.version)))
    .where(eq(campaigns.id, id));
  if (!c) throw notFound('专项行动');
  return { ...c, definition: c.definition as CampaignDefinition };
}

/** Done and achievable (required less what the registry cannot give). */
export interface Progress {
  done: number;
  required: number;
}

/** Live progress of a campaign's quota rules, in the caller's view. */
export interface CampaignInspectionProgress {
  planId: number;
  planName: string;
  planStatus: string;
  /** Over the top rules (children count inside their parent). */
  total: Progress;
  /** Per station jurisdiction id, per rule id (top rules and children). */
  byStation: Map<number, Map<string, Progress>>;
}

/** Sum of the given rules at one station (or over the whole view when `stationId` is null). */
export function progressOf(p: CampaignInspectionProgress, ruleIds: string[], stationId: number | null): Progress {
  const out = { done: 0, required: 0 };
  const stations = stationId === null ? [...p.byStation.values()] : [p.byStation.get(stationId) ?? new Map<string, Progress>()];
  for (const s of stations)
    for (const id of ruleIds) {
      const x = s.get(id);
      if (x) {
        out.done += x.done;
        out.required += x.required;
      }
    }
  return out;
}

export interface CampaignProgressSource {
  key: string;
  /** Null when there is nothing to measure (no current plan) or the caller may not see it. */
  progress(ctx: Ctx, campaignId: number): Promise<CampaignInspectionProgress | null>;
}

declare module '../../core/extensions.js' {
  interface ExtensionPoints {
    campaignProgress: CampaignProgressSource;
  }
}

/** The live progress of a campaign from the first source that has one. */
export async function campaignProgress(ctx: Ctx, campaignId: number): Promise<CampaignInspectionProgress | null> {
  for (const s of ctx.ext.campaignProgress ?? []) {
    const p = await s.progress(ctx, campaignId);
    if (p) return p;
  }
  return null;
}

// For the demo data (a bureau's first campaign set up as a user would).
export { getTemplate } from './templates.js';
export { createCampaign } from './use-cases/create-campaign.js';
export { updateLiaison } from './use-cases/update-liaison.js';
export { updateTaskProgress } from './use-cases/update-task-progress.js';

// The bureau's units and how obligations name them (reports resolves submitters and recipients).
export { bureauUnits, resolveRef, type BureauUnit } from './resolve-units.js';

/**
 * Which due dates of a campaign's obligations have been reported (the reports module supplies it),
 * so the 工作台 deadlines stop calling a reported obligation overdue. Keys: `obligation|dueDate|orgUnitId`.
 */
export interface ReportedDueDatesSource {
  key: string;
  reported(ctx: Ctx, campaignId: number): Promise<Set<string>>;
}

declare module '../../core/extensions.js' {
  interface ExtensionPoints {
    reportedDueDates: ReportedDueDatesSource;
  }
}

/**
 * Told when a campaign's definition is saved (created or amended), after the save commits; e.g.
 * reports asks for summaries from each table's cumulative start, so the first read finds them built.
 */
export interface DefinitionSavedListener {
  key: string;
  saved(ctx: Ctx, definition: CampaignDefinition): Promise<void>;
}
declare module '../../core/extensions.js' {
  interface ExtensionPoints {
    definitionSaved: DefinitionSavedListener;
  }
}

/** Tell the listeners; a listener's failure does not undo the save (it is committed) and is not the caller's error. */
export async function definitionSaved(ctx: Ctx, definition: CampaignDefinition): Promise<void> {
  for (const l of ctx.ext.definitionSaved ?? []) await l.saved(ctx, definition).catch(() => undefined);
}

/** Every reported (obligation, due date, unit) of a campaign, from the contributing modules. */
export async function reportedDueDates(ctx: Ctx, campaignId: number): Promise<Set<string>> {
  const out = new Set<string>();
  for (const s of ctx.ext.reportedDueDates ?? []) for (const k of await s.reported(ctx, campaignId)) out.add(k);
  return out;
}
/** Active campaigns the actor sees (their bureau's, or those of bureaus in their scope). */
export async function activeCampaignIds(ctx: Ctx): Promise<number[]> {
  const rows = await ctx.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .innerJoin(jurisdictions, eq(jurisdictions.id, campaigns.jurisdictionId))
    .where(and(campaignVisible(ctx.actor), eq(campaigns.status, 'active')))
    .orderBy(campaigns.id);
  return rows.map((r) => r.id);
}
export const reportedKey = (obligation: string, dueDate: string, orgUnitId: number) => `${obligation}|${dueDate}|${orgUnitId}`;
