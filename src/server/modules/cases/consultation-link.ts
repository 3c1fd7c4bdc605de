import { can } from '../../../contracts/permissions.js';
import type { ConsultationLink } from '../risks/public.js';
import { visibleCase } from './queries.js';

/** A 案件会商 item may concern a case the caller may read (risks module, `consultationLinks` point). */
export const caseConsultationLink: ConsultationLink = {
  key: 'case',
  type: 'case',
  label: '案件',
  async visible(ctx, id) {
    if (!can(ctx.actor.role, 'cases.read')) return null;
    const row = await visibleCase(ctx, id).catch(() => null);
    if (!row) return null;
    return { title: `${row.caseNo ?? `案件 #${row.id}`}：${row.facts.slice(0, 60)}`, jurisdictionId: row.jurisdictionId };
  },
};
