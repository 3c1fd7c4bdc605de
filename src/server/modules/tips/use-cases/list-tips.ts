import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { TipKind, TipStatus } from '../../../../contracts/tips.js';
import { tips } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { presentTip } from '../presenter.js';
import { photosOf, selectTips, tipScope } from '../queries.js';

export interface ListTipsQuery {
  status?: TipStatus;
  kind?: TipKind;
  q?: string;
  page: number;
  pageSize: number;
}

/** Tips the actor may see, newest first: own tips for reporters, the area's tips for station staff. */
export async function listTips(ctx: Ctx, q: ListTipsQuery) {
  const conds: SQL[] = [tipScope(ctx.actor)];
  if (q.status) conds.push(eq(tips.status, q.status));
  if (q.kind) conds.push(eq(tips.kind, q.kind));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
    conds.push(sql`(${tips.title} ilike ${like} or ${tips.place} ilike ${like} or ${tips.entityName} ilike ${like})`);
  }
  const where = and(...conds);
  const [{ total }] = await ctx.db
    .select({ total: sql<number>`count(*)::int` })
    .from(tips)
    .where(where);
  const rows = await selectTips(ctx.db)
    .where(where)
    .orderBy(desc(tips.createdAt), desc(tips.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const photos = await photosOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentTip(r, ctx.actor, photos.get(r.id) ?? [])), total, page: q.page, pageSize: q.pageSize };
}
