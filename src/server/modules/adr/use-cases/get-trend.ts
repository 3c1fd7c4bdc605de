import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AdrTrend, adrTrendQuery } from '../../../../contracts/adr.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { periodAreaWhere } from '../queries.js';

/** Reports per month of report date (all / serious) in the caller's area, months without reports as 0. */
export async function getTrend(ctx: Ctx, q: z.output<typeof adrTrendQuery>): Promise<AdrTrend> {
  let cond = await periodAreaWhere(ctx.db, ctx.actor, q);
  if (q.drug) cond = sql`${cond} and exists (select 1 from adr_report_drugs d where d.report_id = r.id and d.generic_name = ${q.drug})`;
  const got = await rows<{ month: string; n: number; serious: number }>(
    ctx.db,
    sql`select to_char(r.reported_on, 'YYYY-MM') as month, count(*)::int as n,
          count(*) filter (where r.seriousness = 'serious')::int as serious
        from adr_reports r where ${cond} group by 1 order by 1`,
  );
  if (!got.length) return [];
  const byMonth = new Map(got.map((g) => [g.month, g]));
  const first = (q.from ?? got[0].month).slice(0, 7);
  const last = (q.to ?? got[got.length - 1].month).slice(0, 7);
  const out: AdrTrend = [];
  for (let m = first; m <= last && out.length < 240; m = nextMonth(m)) {
    const g = byMonth.get(m);
    out.push({ month: m, reports: g?.n ?? 0, serious: g?.serious ?? 0 });
  }
  return out;
}

function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number);
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}
