import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { pathInScope } from '../../core/scope.js';
import { rows } from '../../core/sql.js';

/**
 * What other modules may use of inspections. Planning creates planned inspections and reads done
 * ones for coverage through the `inspections` table it is allowed to read (db/schema/inspections.ts);
 * it never changes an inspection's state except through these functions.
 */
export { INSPECTION_POOL_ROLES, assertInspectorPool, peopleNames } from './queries.js';

/**
 * An origin of inspections (a plan task today; tips, complaints and clues later): consulted when a
 * done inspection is withdrawn. `restore` returns the planned values to go back to while the origin
 * is in force, or null (the inspection is then cancelled).
 */
export interface InspectionOrigin {
  key: string;
  /** Whether this origin owns the inspection row (e.g. it has a plan task). */
  owns(row: { planTaskId: number | null }): boolean;
  restore(
    tx: DbOrTx,
    row: { id: number; planTaskId: number | null },
  ): Promise<{ date: string; dueFrom: string | null; inspectorIds: number[] } | null>;
}

declare module '../../core/extensions.js' {
  interface ExtensionPoints {
    inspectionOrigins: InspectionOrigin;
  }
}

export { cancelPlanned, createPlannedForPlan, createPlannedForTask, reassignPlanned, taskHasDoneInspection } from './planned.js';

/** A signed inspection's findings and its 转为线索 measure, read by the clues module to open a clue. */
export { inspectionForClue } from './clue-source.js';
/** A finding as other modules read it (the risks module turns one into a risk: 转为风险). */
export interface FindingForRisk {
  id: number;
  inspectionId: number;
  /** The inspection's station (scope). */
  jurisdictionId: number;
  entityId: number;
  /** The unit's sector (contracts/entity-kinds.ts SECTORS). */
  entitySector: string;
  severity: 'general' | 'serious' | 'severe';
  description: string;
  /** The inspection's date. */
  date: string;
}

/**
 * A finding of a recorded (not cancelled) inspection the caller may see, or 404 — never "exists but not
 * yours". Read-only; the caller's own permission to act on it is checked by the caller.
 */
export async function findingForRisk(ctx: Pick<Ctx, 'db' | 'actor'>, findingId: number, db: DbOrTx = ctx.db): Promise<FindingForRisk> {
  const [f] = await rows<{
    id: number;
    inspection_id: number;
    jurisdiction_id: number;
    entity_id: number;
    sector: string;
    severity: FindingForRisk['severity'];
    description: string;
    date: string;
    path: string;
  }>(
    db,
    sql`select f.id, f.inspection_id, i.jurisdiction_id, i.entity_id, k.sector, f.severity, f.description, i.date::text as date, j.path
        from inspection_findings f join inspections i on i.id = f.inspection_id join jurisdictions j on j.id = i.jurisdiction_id
        join entities e on e.id = i.entity_id join entity_kinds k on k.code = e.kind
        where f.id = ${findingId} and i.status in ('draft','done')`,
  );
  if (!f || !pathInScope(ctx.actor, f.path)) throw notFound('检查发现的问题');
  return {
    id: f.id,
    inspectionId: f.inspection_id,
    jurisdictionId: f.jurisdiction_id,
    entityId: f.entity_id,
    entitySector: f.sector,
    severity: f.severity,
    description: f.description,
    date: f.date,
  };
}
/** Findings per unit by severity (set-based SQL), for the credit grading indicators. */
export { findingCountsBySeverity } from './finding-counts.js';
/** Findings per station and violation type over an area and period (the overview's 问题类型 chart). */
export { findingsByStationAndType } from './findings-by-type.js';
/** Findings of signed inspections in the caller's area for a picker (the risks module's 共性风险 form). */
export { findingOptions, type FindingOption } from './finding-options.js';

/** Signed inspections with a 严重 finding in an area and period (event-triggered report obligations). */
export { seriousFindings, type SeriousFindingEvent } from './serious-findings.js';
