import type { DbOrTx } from '../../../db/client.js';
import type { Registry } from '../../core/extensions.js';
import type { InspectionOrigin } from './public.js';

/** The origin (contributed by another module, e.g. planning) that owns an inspection row, if any. */
export function originOf(ext: Registry, row: { planTaskId: number | null }): InspectionOrigin | undefined {
  return (ext.inspectionOrigins ?? []).find((o) => o.owns(row));
}

/** Whether the inspection's origin is still in force (a withdrawal would return it to planned). */
export async function originInForce(ext: Registry, db: DbOrTx, row: { id: number; planTaskId: number | null }) {
  const origin = originOf(ext, row);
  return !!origin && !!(await origin.restore(db, row));
}
