import { sql } from 'drizzle-orm';
import { rowCountIndicator } from '../credit/public.js';

/** 投诉举报件数: complaints and reports about the unit that were accepted (不予受理 ones do not count). */
export const complaintIndicator = rowCountIndicator({
  key: 'complaints.accepted',
  label: '被投诉举报（已受理）',
  unit: '件',
  from: sql`complaints x`,
  date: sql`x.received_on`,
  where: sql`x.status in ('accepted', 'replied')`,
});
