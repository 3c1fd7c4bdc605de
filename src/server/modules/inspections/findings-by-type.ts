import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { rows } from '../../core/sql.js';

/**
 * Findings (问题) of done (signed) inspections dated inside [from, to] in the jurisdiction subtree
 * `path`, counted per station (the inspection's jurisdiction) and 违法违规类型 (null: not classified).
 * One grouped scan; the overview sums it by type and by station.
 */
export async function findingsByStationAndType(
  db: DbOrTx,
  q: { path: string; from: string; to: string },
): Promise<{ jurisdictionId: number; violationType: string | null; count: number }[]> {
  const list = await rows<{ jurisdiction_id: number; violation_type: string | null; n: number }>(
    db,
    sql`select i.jurisdiction_id, f.violation_type, count(*)::int as n
      from inspection_findings f
      join inspections i on i.id = f.inspection_id
      join jurisdictions j on j.id = i.jurisdiction_id and j.path like ${q.path + '%'}
      where i.status = 'done' and i.date between ${q.from}::date and ${q.to}::date
      group by i.jurisdiction_id, f.violation_type`,
  );
  return list.map((r) => ({ jurisdictionId: Number(r.jurisdiction_id), violationType: r.violation_type, count: Number(r.n) }));
}
