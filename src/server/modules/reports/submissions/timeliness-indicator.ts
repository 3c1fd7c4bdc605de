import { sql } from 'drizzle-orm';
import { rows } from '../../../core/sql.js';
import type { AssessmentIndicator } from '../../overview/public.js';
import { submissionStats } from './stats.js';

/**
 * 报送及时率 for the assessment (考核): per assessed unit, the share of its subtree's report due dates
 * in the period (deadline passed or already reported) that were reported on time; late and missing
 * ones count against it. A unit with nothing due has no value (暂无数据), not 0 or 100 %.
 */
export const timelinessIndicator: AssessmentIndicator = {
  key: 'reports.timeliness',
  label: '报送及时率',
  description: '考核期间内应报的各项报送（已过截止时间或已上报）中按时上报的比例；逾期上报和未报均不计为按时；得分 = 比例。',
  ratio: true,
  async compute(ctx, q) {
    const stats = await submissionStats(ctx.db, { campaignId: q.campaignId, path: q.path, from: q.from, to: q.to });
    if (!stats.length) return new Map();
    const paths = await rows<{ id: number; path: string }>(
      ctx.db,
      sql`select id, path from jurisdictions where id in (${sql.join(
        stats.map((s) => sql`${s.jurisdictionId}`),
        sql`, `,
      )})`,
    );
    const pathOf = new Map(paths.map((p) => [p.id, p.path]));
    const out = new Map<number, number>();
    for (const u of q.units) {
      let due = 0;
      let onTime = 0;
      for (const s of stats)
        if ((pathOf.get(s.jurisdictionId) ?? '').startsWith(u.path)) {
          due += s.due;
          onTime += s.onTime;
        }
      if (due > 0) out.set(u.jurisdictionId, onTime / due);
    }
    return out;
  },
  normalise: (raw) => raw,
};
