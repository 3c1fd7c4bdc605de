import { sql } from 'drizzle-orm';
import type { ConsultationView, ListConsultationsQuery } from '../../../../contracts/risks.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { consultationFilter, presentConsultations, selectConsultations } from '../consultations.js';

/** 风险会商 / 案件会商 of the area, newest first. */
export async function listConsultations(
  ctx: Ctx,
  q: ListConsultationsQuery,
): Promise<{ items: ConsultationView[]; total: number; page: number; pageSize: number }> {
  const where = consultationFilter(ctx, q);
  const [[{ total }], list] = await Promise.all([
    rows<{ total: number }>(ctx.db, sql`select count(*)::int as total from consultations c where ${where}`),
    selectConsultations(ctx.db, where, sql`order by c.held_on desc, c.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
  ]);
  return { items: await presentConsultations(ctx, list), total: Number(total), page: q.page, pageSize: q.pageSize };
}
