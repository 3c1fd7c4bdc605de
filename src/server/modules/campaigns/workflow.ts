import { CAMPAIGN_ACTIONS, CAMPAIGN_STATUSES, type CampaignAction, type CampaignStatus } from '../../../contracts/campaigns.js';
import { defineWorkflow } from '../../core/workflow.js';

/** Campaign states: draft → active → closed (a draft may be closed unused); amended (修订) while not closed. */
export const campaignWorkflow = defineWorkflow<CampaignStatus, CampaignAction>({
  record: '专项行动',
  states: CAMPAIGN_STATUSES,
  actions: CAMPAIGN_ACTIONS,
  transitions: [
    { action: 'activate', from: 'draft', to: 'active', permission: 'campaigns.manage' },
    { action: 'close', from: 'draft', to: 'closed', permission: 'campaigns.manage' },
    { action: 'close', from: 'active', to: 'closed', permission: 'campaigns.manage' },
    { action: 'amend', from: 'draft', to: 'draft', permission: 'campaigns.manage' },
    { action: 'amend', from: 'active', to: 'active', permission: 'campaigns.manage' },
  ],
});

/** The action that moves a campaign to `to` (the status route names the target state). */
export const actionTo = (to: CampaignStatus): CampaignAction => (to === 'active' ? 'activate' : to === 'closed' ? 'close' : 'amend');
