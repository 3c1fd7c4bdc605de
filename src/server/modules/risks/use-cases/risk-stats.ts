import { sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { RiskStats } from '../../../../contracts/risks.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { pointOf } from '../../../core/extensions.js';
import { rows } from '../../../core/sql.js';
import { holderJurisdiction } from '../queries.js';

/**
 * The work line of 附件3 (seed 003) for a jurisdiction and period, from the report measures: risks
 * found and closed per station, common risks, and risk meetings held / items discussed at its own
 * level and in the jurisdictions below it. Open and overdue counts are as of today.
 */
export async function riskStats(ctx: Ctx, q: { from: string; to: string; jurisdictionId?: number }): Promise<RiskStats> {
  if (q.from > q.to) throw invalid('开始日期不能晚于结束日期', [{ path: 'from', message: '不能晚于结束日期' }]);
  const j = await holderJurisdiction(ctx.db, ctx.actor, q.jurisdictionId ?? ctx.actor.jurisdictionId);
  const filter = { path: j.path, from: q.from, to: q.to };
  const measures = pointOf(ctx.ext, 'measures');
  const value = async (key: string) => (await measures.find((m) => m.key === key)!.compute(ctx.db, filter)) ?? new Map<number, number>();
  const [found, closed, common, held, items] = await Promise.all(
    ['risks.found', 'risks.closed', 'risks.common', 'consultations.held', 'consultations.items'].map(value),
  );
  const today = shanghaiToday();
  const now = await rows<{ jurisdiction_id: number; name: string; open: number; overdue: number }>(
    ctx.db,
    sql`select s.id as jurisdiction_id, s.name,
          (select count(*) from risks r where r.jurisdiction_id = s.id and r.status <> 'closed')::int as open,
          (select count(*) from risks r where r.jurisdiction_id = s.id and r.status <> 'closed' and r.deadline < ${today}::date)::int as overdue
        from jurisdictions s where s.path like ${j.path + '%'} and s.level in ('station','county','city') order by s.path`,
  );
  const sum = (m: Map<number, number>, pick: (id: number) => boolean) => [...m].reduce((s, [id, n]) => (pick(id) ? s + n : s), 0);
  return {
    from: q.from,
    to: q.to,
    found: sum(found, () => true),
    closed: sum(closed, () => true),
    common: sum(common, () => true),
    byStation: now
      .map((s) => ({
        jurisdictionId: s.jurisdiction_id,
        name: s.name,
        found: found.get(s.jurisdiction_id) ?? 0,
        closed: closed.get(s.jurisdiction_id) ?? 0,
        open: Number(s.open),
        overdue: Number(s.overdue),
      }))
      .filter((s) => s.found || s.closed || s.open),
    consultations: {
      own: { held: held.get(j.id) ?? 0, items: items.get(j.id) ?? 0 },
      below: { held: sum(held, (id) => id !== j.id), items: sum(items, (id) => id !== j.id) },
    },
  };
}
