import { sql } from 'drizzle-orm';
import {
  PRODUCT_CATEGORIES,
  SAMPLING_LEVELS,
  SAMPLING_STATUSES,
  type ProductCategory,
  type SamplingLevel,
  type SamplingStatus,
} from '../../../contracts/sampling.js';
import type { TimelineSource } from '../../core/extensions.js';
import { rows } from '../../core/sql.js';

/** The unit's sampling records on its entity file: product, batch, level, result and failed items. */
export const samplingTimelineSource: TimelineSource = {
  key: 'sampling',
  label: '监督抽检',
  async load(db, entity) {
    const list = await rows<{
      id: number;
      number: string;
      status: SamplingStatus;
      category: ProductCategory;
      product_name: string;
      batch_no: string;
      sampled_on: string;
      level: SamplingLevel | null;
      recorder: string | null;
      failed: string | null;
      report_no: string | null;
      withdraw_reason: string | null;
    }>(
      db,
      sql`select s.id, s.number, s.status, s.category, s.product_name, s.batch_no, s.sampled_on::text as sampled_on, p.level, u.display_name as recorder,
            r.report_no, s.withdraw_reason,
            (select string_agg(x->>'item', '、') from jsonb_array_elements(r.failed_items) x) as failed
          from sampling_records s left join users u on u.id = s.recorded_by
          left join sampling_plan_lines l on l.id = s.plan_line_id left join sampling_plans p on p.id = l.plan_id
          left join sampling_results r on r.record_id = s.id
          where s.entity_id = ${entity.id} order by s.sampled_on desc, s.id desc limit 200`,
    );
    return list.map((r) => ({
      at: new Date(`${r.sampled_on}T00:00:00Z`).toISOString(),
      source: 'sampling',
      title: `监督抽检（${SAMPLING_STATUSES[r.status]}）`,
      detail: [
        r.number,
        r.level ? SAMPLING_LEVELS[r.level] : null,
        `${PRODUCT_CATEGORIES[r.category]} ${r.product_name}（批号 ${r.batch_no}）`,
        r.report_no ? `检验报告 ${r.report_no}` : null,
        r.failed ? `不合格项目：${r.failed}` : null,
        r.withdraw_reason ? `撤销原因：${r.withdraw_reason}` : null,
      ]
        .filter(Boolean)
        .join('；'),
      actor: r.recorder ?? null,
      link: `/sampling/records/${r.id}`,
    }));
  },
};
