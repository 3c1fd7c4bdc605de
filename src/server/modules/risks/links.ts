import { sql } from 'drizzle-orm';
import { can } from '../../../contracts/permissions.js';
import { rows } from '../../core/sql.js';
import type { ConsultationLink } from './public.js';
import { areaOf } from './queries.js';

/** Risks as things a consultation item concerns (the risks module's own contribution to `consultationLinks`). */
export const riskConsultationLink: ConsultationLink = {
  key: 'risk',
  type: 'risk',
  label: '风险隐患',
  async visible(ctx, id) {
    if (!can(ctx.actor.role, 'risks.read')) return null;
    const [r] = await rows<{ title: string; jurisdiction_id: number }>(
      ctx.db,
      sql`select r.title, r.jurisdiction_id from risks r where r.id = ${id} and ${areaOf(ctx.actor, 'r')}`,
    );
    return r ? { title: r.title, jurisdictionId: r.jurisdiction_id } : null;
  },
};
