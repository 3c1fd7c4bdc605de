export * from './types.js';
export { buildContext, RuleError, type PlanningContext } from './requirements.js';
export { generatePlan } from './plan.js';
export { checkPlan, type PlanCheck, type TaskToCheck, type Violation, type InspectorProblem } from './check.js';
export {
  computeCoverage,
  factDay,
  listMissing,
  type Coverage,
  type CoverageRow,
  type InspectionFact,
  type DoneFacts,
  type MissingItem,
} from './coverage.js';
export { matches } from './selector.js';
export { drawInspectors } from './inspectors.js';
export { withExisting, type ExistingVisit, type Residual } from './existing.js';
