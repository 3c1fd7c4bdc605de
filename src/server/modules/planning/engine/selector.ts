import type { EntitySelector } from '../../../../contracts/quota-rules.js';
import type { PlannerEntity } from './types.js';

type SelectorBase = Omit<EntitySelector, 'exclude'>;

const isHighRisk = (e: PlannerEntity) => e.riskLevel === 'high' || e.tags.includes('high_risk');

/** All given fields must match (AND); inside a field any listed value matches (OR). */
function matchesBase(e: PlannerEntity, s: SelectorBase): boolean {
  if (s.kinds && !s.kinds.includes(e.kind as never)) return false;
  if (s.tagsAny && !s.tagsAny.some((t) => e.tags.includes(t) || (t === 'high_risk' && isHighRisk(e)))) return false;
  if (s.medicalGrades && !(e.medicalGrade != null && s.medicalGrades.includes(e.medicalGrade))) return false;
  if (s.deviceLevels && !(e.deviceLevel != null && s.deviceLevels.includes(e.deviceLevel))) return false;
  if (s.familyPlanning !== undefined && (e.familyPlanning ?? false) !== s.familyPlanning) return false;
  if (s.riskLevels && !(e.riskLevel != null && s.riskLevels.includes(e.riskLevel))) return false;
  if (s.creditGrades && !(e.creditGrade != null && s.creditGrades.includes(e.creditGrade))) return false;
  return true;
}

/** Does the unit belong to the selector's population (after its exclusions)? */
export function matches(e: PlannerEntity, s: EntitySelector): boolean {
  if (!matchesBase(e, s)) return false;
  return !(s.exclude ?? []).some((x) => matchesBase(e, x));
}

export { isHighRisk };
