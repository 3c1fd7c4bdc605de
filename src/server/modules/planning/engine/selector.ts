import type { EntitySelector } from '../../../../contracts/quota-rules.js';
import type { PlannerEntity } from './types.js';

type SelectorBase = Omit<EntitySelector, 'exclude'>;
type Predicate = (e: PlannerEntity) => boolean;

export const isHighRisk = (e: PlannerEntity) => e.riskLevel === 'high' || e.tags.includes('high_risk');

/** All given fields must match (AND); inside a field any listed value matches (OR). */
function compileBase(s: SelectorBase): Predicate {
  const tests: Predicate[] = [];
  const set = (values: readonly string[]) => new Set<string>(values);
  if (s.kinds) {
    const v = set(s.kinds);
    tests.push((e) => v.has(e.kind));
  }
  if (s.tagsAny) {
    const v = s.tagsAny;
    tests.push((e) => v.some((t) => e.tags.includes(t) || (t === 'high_risk' && isHighRisk(e))));
  }
  if (s.medicalGrades) {
    const v = set(s.medicalGrades);
    tests.push((e) => e.medicalGrade != null && v.has(e.medicalGrade));
  }
  if (s.deviceLevels) {
    const v = set(s.deviceLevels);
    tests.push((e) => e.deviceLevel != null && v.has(e.deviceLevel));
  }
  if (s.familyPlanning !== undefined) {
    const v = s.familyPlanning;
    tests.push((e) => (e.familyPlanning ?? false) === v);
  }
  if (s.riskLevels) {
    const v = set(s.riskLevels);
    tests.push((e) => e.riskLevel != null && v.has(e.riskLevel));
  }
  if (s.creditGrades) {
    const v = set(s.creditGrades);
    tests.push((e) => e.creditGrade != null && v.has(e.creditGrade));
  }
  if (s.productsAny) {
    const v = s.productsAny;
    tests.push((e) => e.products != null && v.some((p) => e.products!.includes(p)));
  }
  return (e) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i](e)) return false;
    return true;
  };
}

/** A predicate for the selector's population (after its exclusions). */
export function compileSelector(s: EntitySelector): Predicate {
  const base = compileBase(s);
  const excludes = (s.exclude ?? []).map(compileBase);
  return (e) => {
    if (!base(e)) return false;
    for (let i = 0; i < excludes.length; i++) if (excludes[i](e)) return false;
    return true;
  };
}

/** Does the unit belong to the selector's population? */
export const matches = (e: PlannerEntity, s: EntitySelector): boolean => compileSelector(s)(e);
