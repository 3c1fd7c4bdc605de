import type { Plan, PlanCheck } from './engine/index.js';

/**
 * What a plan keeps of its findings. Lists are capped (a province plan with empty inspector pools
 * would otherwise store one problem per task in the plan row); the full counts are kept beside them.
 */
export const FINDINGS_LIST_CAP = 200;

const cap = <T>(xs: T[]) => (xs.length > FINDINGS_LIST_CAP ? xs.slice(0, FINDINGS_LIST_CAP) : xs);

export function storedCheck(check: PlanCheck) {
  return {
    ...check,
    violations: cap(check.violations),
    excess: cap(check.excess),
    outsideRules: cap(check.outsideRules),
    inspectorProblems: cap(check.inspectorProblems),
    counts: {
      violations: check.violations.length,
      excess: check.excess.length,
      outsideRules: check.outsideRules.length,
      inspectorProblems: check.inspectorProblems.length,
    },
  };
}

export function storedFindings(plan: Plan, check: PlanCheck) {
  return {
    shortfalls: plan.shortfalls,
    inspectorIssues: cap(plan.inspectorIssues),
    inspectorIssueCount: plan.inspectorIssues.length,
    warnings: plan.warnings,
    check: storedCheck(check),
  };
}
