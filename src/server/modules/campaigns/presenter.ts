import type { CampaignDefinition, CampaignStatus, CampaignSummary } from '../../../contracts/campaigns.js';
import { shanghaiToday } from '../../../contracts/calendar.js';
import type { campaignLiaisons, campaignTaskProgress } from '../../../db/schema/index.js';

export function currentPhase(def: CampaignDefinition, today = shanghaiToday()) {
  // Phases may overlap (a holiday patrol inside an inspection window): every phase running today.
  return (
    def.phases
      .filter((p) => p.from <= today && today <= p.to)
      .map((p) => p.name)
      .join('、') || null
  );
}

export function presentCampaign(row: {
  id: number;
  name: string;
  jurisdictionId: number;
  jurisdictionName: string;
  status: string;
  version: number;
  periodFrom: string | null;
  periodTo: string | null;
  updatedAt: Date;
  definition: CampaignDefinition;
}): CampaignSummary {
  return {
    id: row.id,
    name: row.name,
    docNo: row.definition.docNo ?? null,
    issuer: row.definition.issuer,
    jurisdictionId: row.jurisdictionId,
    jurisdictionName: row.jurisdictionName,
    status: row.status as CampaignStatus,
    version: row.version,
    from: row.periodFrom,
    to: row.periodTo,
    currentPhase: currentPhase(row.definition),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A unit's liaison row (null before the unit filled it in: then an update sends version 0). */
export function presentLiaison(l: typeof campaignLiaisons.$inferSelect | undefined | null) {
  if (!l) return null;
  return {
    name: l.name,
    department: l.department,
    title: l.title,
    officePhone: l.officePhone,
    mobile: l.mobile,
    email: l.email,
    updatedAt: l.updatedAt.toISOString(),
    version: l.version,
  };
}

/** A unit's progress on one task item; before the first report: todo at version 0. */
export function presentProgress(p: typeof campaignTaskProgress.$inferSelect | undefined | null) {
  return {
    status: p?.status ?? 'todo',
    note: p?.note ?? null,
    evidence: (p?.evidence as any[]) ?? [],
    updatedAt: p?.updatedAt.toISOString() ?? null,
    version: p?.version ?? 0,
  };
}
