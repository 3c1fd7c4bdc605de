import type { DbOrTx } from '../../../db/client.js';

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
