import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { rows } from '../../core/sql.js';

/**
 * Typical cases (典型案例) per station: cases marked typical (`typical` set) whose marking date
 * `typical_on` lies inside [from, to], in the jurisdiction subtree `path`. Missing station = 0.
 */
export async function typicalCasesByStation(db: DbOrTx, q: { path: string; from: string; to: string }): Promise<Map<number, number>> {
  const list = await rows<{ jurisdiction_id: number; n: number }>(
    db,
    sql`select c.jurisdiction_id, count(*)::int as n
      from cases c join jurisdictions j on j.id = c.jurisdiction_id and j.path like ${q.path + '%'}
      where c.typical is not null and c.typical_on between ${q.from}::date and ${q.to}::date
      group by c.jurisdiction_id`,
  );
  return new Map(list.map((r) => [Number(r.jurisdiction_id), Number(r.n)]));
}
