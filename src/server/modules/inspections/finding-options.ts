import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { scopeWhere } from '../../core/scope.js';
import { rows } from '../../core/sql.js';

/** A finding as a picker offers it (共性风险 归并: pick inspection findings, not only risks). */
export interface FindingOption {
  id: number;
  inspectionId: number;
  date: string;
  entityName: string;
  severity: 'general' | 'serious' | 'severe';
  description: string;
}

/**
 * Findings of signed inspections the caller may see, newest first (at most `limit`), optionally those
 * whose problem or unit name contains `q`.
 */
export async function findingOptions(ctx: Pick<Ctx, 'db' | 'actor'>, o: { q?: string; limit: number }) {
  const like = o.q ? `%${o.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const found = await rows<{
    id: number;
    inspection_id: number;
    date: string;
    entity_name: string;
    severity: FindingOption['severity'];
    description: string;
  }>(
    ctx.db,
    sql`select f.id, f.inspection_id, i.date::text as date, e.name as entity_name, f.severity, f.description
        from inspection_findings f join inspections i on i.id = f.inspection_id join entities e on e.id = i.entity_id
        where i.status = 'done' and ${scopeWhere(ctx.actor, { jurisdiction: sql.raw('i.jurisdiction_id') })}
          ${like ? sql`and (f.description like ${like} or e.name like ${like})` : sql``}
        order by i.date desc, f.id desc limit ${o.limit}`,
  );
  return found.map(
    (f): FindingOption => ({
      id: f.id,
      inspectionId: f.inspection_id,
      date: f.date,
      entityName: f.entity_name,
      severity: f.severity,
      description: f.description,
    }),
  );
}
