import type { CampaignStatus } from '../../../contracts/campaigns.js';

/** Campaign states and allowed transitions; every transition is taken by campaigns.manage holders. */
export const CAMPAIGN_TRANSITIONS: Record<CampaignStatus, CampaignStatus[]> = {
  draft: ['active', 'closed'],
  active: ['closed'],
  closed: [],
};

export function canMove(from: CampaignStatus, to: CampaignStatus) {
  return CAMPAIGN_TRANSITIONS[from].includes(to);
}
