import type { CampaignDefinition, CampaignStatus, CampaignSummary } from '../../../contracts/campaigns.js';
import { shanghaiToday } from '../../../contracts/calendar.js';

export function currentPhase(def: CampaignDefinition, today = shanghaiToday()) {
  return def.phases.find((p) => p.from <= today && today <= p.to)?.name ?? null;
}

export function presentCampaign(row: {
  id: number;
  name: string;
  jurisdictionId: number;
  jurisdictionName: string;
  status: string;
  version: number;
  periodFrom: string;
  periodTo: string;
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
