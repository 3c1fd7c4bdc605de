import { sql } from 'drizzle-orm';
import { addDays, startOfDay } from '../../../contracts/calendar.js';
import type { DbOrTx } from '../../../db/client.js';
import { inSubtree } from '../../core/scope.js';
import { rows } from '../../core/sql.js';

/** A signed inspection with at least one 严重 finding (重大问题/严重缺陷): an event report obligations can be due after. */
export interface SeriousFindingEvent {
  inspectionId: number;
  /** When the inspection was signed (the finding became a record). */
  at: Date;
  jurisdictionId: number;
  /** The station's jurisdiction path. */
  path: string;
}

/**
 * Signed inspections in an area (subtree at `areaPath`) whose findings include a 严重 one, signed
 * on Beijing dates `from`–`to`. Read-only; the caller decides who may see what it derives.
 */
export async function seriousFindings(db: DbOrTx, areaPath: string, from: string, to: string): Promise<SeriousFindingEvent[]> {
  const list = await rows<{ id: number; at: Date | string; jurisdiction_id: number; path: string }>(
    db,
    sql`select i.id, i.signed_at as at, i.jurisdiction_id, j.path
        from inspections i join jurisdictions j on j.id = i.jurisdiction_id
        where i.status = 'done' and i.signed_at >= ${startOfDay(from).toISOString()} and i.signed_at < ${startOfDay(addDays(to, 1)).toISOString()}
          and ${inSubtree(sql`i.jurisdiction_id`, areaPath)}
          and exists (select 1 from inspection_findings f where f.inspection_id = i.id and f.severity = 'severe')
        order by i.signed_at, i.id`,
  );
  return list.map((r) => ({ inspectionId: r.id, at: new Date(r.at), jurisdictionId: r.jurisdiction_id, path: r.path }));
}
