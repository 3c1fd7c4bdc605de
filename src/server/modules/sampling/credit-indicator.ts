import { sql } from 'drizzle-orm';
import { rowCountIndicator } from '../credit/public.js';

/** 抽检不合格次数: 不合格 lab results of the unit's samples, dated by the report. */
export const samplingFailureIndicator = rowCountIndicator({
  key: 'sampling.failures',
  label: '监督抽检不合格',
  unit: '次',
  from: sql`sampling_results r join sampling_records x on x.id = r.record_id`,
  date: sql`r.report_date`,
  where: sql`r.verdict = 'unqualified'`,
});
