import { sql, type SQL } from 'drizzle-orm';
import type { FindingSeverity } from '../../../contracts/inspections.js';

/**
 * Findings (问题) per unit, as one set-based SQL select of `(entity_id int, n int)`: every finding of
 * the given severity recorded at a done (signed) inspection dated inside [from, to], for the units
 * listed or those inside the jurisdiction subtree. The credit module's indicators are built on it;
 * it scans the area once for all units, never per unit.
 */
export function findingCountsSelect(q: { severity: FindingSeverity; from: string; to: string; entityIds?: number[]; path?: string }): SQL {
  const where: SQL[] = [sql`i.status = 'done'`, sql`i.date between ${q.from}::date and ${q.to}::date`, sql`f.severity = ${q.severity}`];
  if (q.entityIds) where.push(sql`i.entity_id = any(${`{${q.entityIds.map(Number).join(',')}}`}::int[])`);
  if (q.path) where.push(sql`i.jurisdiction_id = any(array(select id from jurisdictions where path like ${q.path + '%'}))`);
  return sql`select i.entity_id, count(*)::int as n
    from inspection_findings f join inspections i on i.id = f.inspection_id
    where ${sql.join(where, sql` and `)}
    group by i.entity_id`;
}
