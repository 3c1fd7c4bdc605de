import { can } from '../../../contracts/permissions.js';
import type { Actor } from '../../core/context.js';
import { forbidden } from '../../core/errors.js';
import { pathInScope } from '../../core/scope.js';

/** Campaign plans are owned by a bureau: only managers whose scope covers it may create or amend. */
export function assertManagesCampaign(actor: Actor, jurisdictionPath: string) {
  if (!can(actor.role, 'campaigns.manage') || !pathInScope(actor, jurisdictionPath)) throw forbidden('只能管理本辖区的专项行动');
}

/** A unit fills in its own liaison row and its own task progress; campaign managers may fill in any. */
export function assertActsForUnit(actor: Actor, orgUnitId: number, campaignPath: string) {
  if (actor.orgUnitId === orgUnitId && can(actor.role, 'campaigns.report')) return;
  if (can(actor.role, 'campaigns.manage') && pathInScope(actor, campaignPath)) return;
  throw forbidden('只能填报本单位的信息');
}
