import { sql, type SQL } from 'drizzle-orm';
import type { FindingSeverity } from '../../../contracts/inspections.js';

/**
 * Findings (问题) per unit, as one set-based SQL select: every finding of the given severities
 * recorded at a done (signed) inspection dated inside [from, to], for the units listed or those
 * inside the jurisdiction subtree. Columns `(entity_id int, n0 int, n1 int, …)`, one count per
 * severity in the order given (`n` alone for a single severity). The credit module's indicators are
 * built on it; it scans the area once for all units and severities, never per unit.
 */
export function findingCountsBySeverity(q: {
  severities: FindingSeverity[];
  from: string;
  to: string;
  entityIds?: number[];
  path?: string;
}): SQL {
  const where: SQL[] = [
    sql`i.status = 'done'`,
    sql`i.date between ${q.from}::date and ${q.to}::date`,
    sql`f.severity = any(${`{${q.severities.join(',')}}`}::text[])`,
  ];
  if (q.entityIds) where.push(sql`i.entity_id = any(${`{${q.entityIds.map(Number).join(',')}}`}::int[])`);
  // A join, not `= any(array(…))`: over a county or a province the subtree holds thousands of
  // jurisdictions, and an array that long is searched linearly for every inspection.
  const area = q.path && q.path !== '/' ? sql`join jurisdictions j on j.id = i.jurisdiction_id and j.path like ${q.path + '%'}` : sql``;
  const counts = sql.join(
    q.severities.map(
      (sev, k) => sql`(count(*) filter (where f.severity = ${sev}))::int as ${sql.raw(q.severities.length === 1 ? 'n' : `n${k}`)}`,
    ),
    sql`, `,
  );
  return sql`select i.entity_id, ${counts}
    from inspection_findings f join inspections i on i.id = f.inspection_id ${area}
    where ${sql.join(where, sql` and `)}
    group by i.entity_id`;
}
