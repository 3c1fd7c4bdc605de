import { sql, type SQL } from 'drizzle-orm';
import type { CreditOverride } from '../../../../contracts/credit.js';
import type { z } from 'zod';
import type { listOverridesQuery } from '../../../../contracts/credit.js';
import type { Ctx } from '../../../core/context.js';
import { scopeWhere } from '../../../core/scope.js';
import { rows } from '../../../core/sql.js';
import { overrideSelect, presentOverride, type OverrideRow } from '../queries.js';
import { currentRule } from '../rules.js';

/** Override requests in the caller's area, newest first (待审批 first when not filtered). */
export async function listOverrides(ctx: Ctx, q: z.infer<typeof listOverridesQuery>) {
  const where: SQL[] = [scopeWhere(ctx.actor, { jurisdiction: sql`o.jurisdiction_id` })];
  if (q.status) where.push(sql`o.status = ${q.status}`);
  if (q.entityId) where.push(sql`o.entity_id = ${q.entityId}`);
  const cond = sql.join(where, sql` and `);
  const [{ n }] = (await rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from credit_overrides o where ${cond}`)) as [
    { n: number },
  ];
  const list = await rows<OverrideRow>(
    ctx.db,
    sql`${overrideSelect(cond)} order by (o.status = 'requested') desc, o.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  const rule = await currentRule(ctx.db);
  const items: CreditOverride[] = list.map((o) => presentOverride(o, ctx.actor, rule.version));
  return { items, total: Number(n), page: q.page, pageSize: q.pageSize };
}
