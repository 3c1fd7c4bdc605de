import { sql } from 'drizzle-orm';
import { RISK_CATEGORIES } from '../../../contracts/risks.js';
import type { TableRowSource } from '../../core/extensions.js';
import { inArea, inPeriod } from '../../core/measure-sql.js';
import { rows } from '../../core/sql.js';

const COMMON_ON = sql`(c.created_at at time zone 'Asia/Shanghai')::date`;

/**
 * 共性风险隐患 as rows of a free table (seed 003 附件3 问题清单): every common risk of the area
 * registered in the period (Beijing date), oldest first, with its control measure and whether it is
 * removed (排除). Same records and dating as the measure `risks.common`.
 */
export const commonRiskRows: TableRowSource = {
  key: 'risks.common',
  async rows(db, f) {
    const list = await rows<{ title: string; control_measure: string; removed: boolean; category: string }>(
      db,
      sql`select c.title, c.control_measure, c.removed, c.category from common_risks c
          where ${inPeriod(COMMON_ON, f)} and ${inArea(sql`c.jurisdiction_id`, f)}
          order by c.created_at, c.id`,
    );
    return list.map((r) => ({
      title: r.title,
      controlMeasure: r.control_measure,
      removed: r.removed,
      category: RISK_CATEGORIES[r.category as keyof typeof RISK_CATEGORIES] ?? r.category,
    }));
  },
};
