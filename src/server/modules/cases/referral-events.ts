import { sql } from 'drizzle-orm';
import { addDays, startOfDay } from '../../../contracts/calendar.js';
import type { DbOrTx } from '../../../db/client.js';
import { inSubtree } from '../../core/scope.js';
import { rows } from '../../core/sql.js';

/** A case sent to the police (移送公安): an event report obligations can be due after. */
export interface ReferralEvent {
  referralId: number;
  caseId: number;
  /** When the file was sent. */
  at: Date;
  jurisdictionId: number;
  path: string;
}

/** Referrals sent in an area (subtree at `areaPath`) on Beijing dates `from`–`to`. Read-only. */
export async function referrals(db: DbOrTx, areaPath: string, from: string, to: string): Promise<ReferralEvent[]> {
  const list = await rows<{ id: number; case_id: number; at: Date | string; jurisdiction_id: number; path: string }>(
    db,
    sql`select r.id, r.case_id, r.sent_at as at, r.jurisdiction_id, j.path
        from case_referrals r join jurisdictions j on j.id = r.jurisdiction_id
        where r.sent_at is not null and r.sent_at >= ${startOfDay(from).toISOString()} and r.sent_at < ${startOfDay(addDays(to, 1)).toISOString()}
          and ${inSubtree(sql`r.jurisdiction_id`, areaPath)}
        order by r.sent_at, r.id`,
  );
  return list.map((r) => ({ referralId: r.id, caseId: r.case_id, at: new Date(r.at), jurisdictionId: r.jurisdiction_id, path: r.path }));
}
