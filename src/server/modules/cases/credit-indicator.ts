import { sql } from 'drizzle-orm';
import { rowCountIndicator } from '../credit/public.js';

/** 行政处罚次数: penalty decisions against the unit (不予处罚 and 撤销立案 do not count), dated by the decision. */
export const penaltyIndicator = rowCountIndicator({
  key: 'cases.penalties',
  label: '受到行政处罚',
  unit: '次',
  from: sql`cases x`,
  date: sql`x.decided_on`,
  where: sql`x.decided_on is not null and x.status in ('decided', 'executed', 'closed')`,
});
