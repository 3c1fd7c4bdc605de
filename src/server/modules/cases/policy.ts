import { can } from '../../../contracts/permissions.js';
import type { Actor } from '../../core/context.js';
import { AppError, forbidden } from '../../core/errors.js';
import type { CaseRow } from './queries.js';
import { isOfficer } from './workflow.js';

/** Only the case officers of its procedure change a case's file (penalty draft, evidence, typical case, referral proposal). */
export function assertOfficer(actor: Actor, c: CaseRow) {
  if (!can(actor.role, 'cases.handle') || !isOfficer(actor.role, c.procedure as 'simple' | 'ordinary'))
    throw forbidden(c.procedure === 'ordinary' ? '普通程序案件由执法人员或所长承办' : '无权办理该案件');
}

/** Refuse a change of a case in a state that does not allow it. */
export function assertState(c: CaseRow, allowed: readonly string[], what: string) {
  if (!allowed.includes(c.status)) throw new AppError('ILLEGAL_TRANSITION', `案件当前状态不能${what}`, 409);
}
