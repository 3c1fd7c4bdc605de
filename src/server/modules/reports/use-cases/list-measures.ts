import { MEASURES, type MeasureKey } from '../../../../contracts/measures.js';
import type { MeasureCatalogue } from '../../../../contracts/reports.js';
import type { Ctx } from '../../../core/context.js';
import { pointOf } from '../../../core/extensions.js';

/** The catalogue of report measures a table column may name, with each one's definition. */
export function listMeasures(ctx: Ctx): MeasureCatalogue {
  const registry = pointOf(ctx.ext, 'measures');
  return (Object.keys(MEASURES) as MeasureKey[]).map((key) => {
    const m = registry.find((x) => x.key === key);
    return { key, label: MEASURES[key].label, unit: MEASURES[key].unit, definition: m?.definition ?? '', implemented: !!m };
  });
}
