import type { QuotaRule } from '../../../../contracts/quota-rules.js';

/**
 * Input and output types of the planning engine. The engine is pure: it takes plain data
 * (entities in scope, stations with their inspector pools, quota rules, a seed) and returns a plan,
 * a check of a plan, or coverage. Persistence and access live outside it.
 */
export interface PlannerEntity {
  id: string;
  /** Entity kind code (contracts/entity-kinds.ts). */
  kind: string;
  /** Station (市场监管所) jurisdiction id the unit belongs to. */
  stationId: string;
  tags: string[];
  medicalGrade?: string | null;
  deviceLevel?: string | null;
  familyPlanning?: boolean | null;
  riskLevel?: string | null;
  creditGrade?: string | null;
  /** Products / business scope handled (contracts/products.ts codes). */
  products?: string[];
  /** operating | suspended | closed; only `options.statuses` (default operating) are planned. */
  status: string;
}

export interface PlannerInspector {
  id: string;
  /** Units this inspector must not inspect (declared conflict of interest). */
  conflictedEntityIds?: string[];
}

export interface PlannerStation {
  id: string;
  /** Short name as used by quota overrides, e.g. "曙光所". */
  shortName: string;
  inspectorPool: PlannerInspector[];
  /** The county and city the station belongs to (jurisdiction ids), for rules counted per county or city. */
  county?: string | null;
  city?: string | null;
}

export interface PlannerPhase {
  key: string;
  from: string;
  to: string;
}

export interface PlannerCampaign {
  from?: string | null;
  to?: string | null;
  phases?: PlannerPhase[];
}

export interface Weights {
  /** Added to a unit's weight when it is high risk (risk level high or tag high_risk). */
  highRisk: number;
  /** Tag repeat_offender (多次被行政处罚). */
  repeatOffender: number;
  /** Any key_area_* tag. */
  keyArea: number;
  /** Key objects: 网络销售 (online kinds or tag), 个体诊所, 医美机构. */
  keyObject: number;
}

export interface PlanningOptions {
  /** Inspectors drawn per task (双随机: at least two). */
  inspectorsPerTask?: number;
  /** Entity statuses that are planned; default ['operating']. */
  statuses?: string[];
  weights?: Partial<Weights>;
  /** Branch-and-bound node limit per component before settling for the best plan found. */
  nodeLimit?: number;
}

export interface PlanningInput {
  entities: PlannerEntity[];
  stations: PlannerStation[];
  rules: QuotaRule[];
  campaign?: PlannerCampaign;
  /** Inspectors of each unit's last inspection (recusal: not the same again). */
  lastInspectors?: Record<string, string[]>;
  options?: PlanningOptions;
}

/** A window of days, inclusive; day numbers are days since 1970-01-01 (UTC). */
export interface DayWindow {
  from: number;
  to: number;
}

/** One quota to meet: a rule (or a credit-grade bucket of it) at one station or over the campaign. */
export interface Requirement {
  /** Stable key: `${ruleId}@${stationId|county:id|city:id|*}` plus `#${grade}` for a credit-grade bucket. */
  key: string;
  ruleId: string;
  label: string;
  /** Ids from the top rule down to this one. */
  rulePath: string[];
  parentKey: string | null;
  stationId: string | null;
  /** For a rule counted per county or per city: that county's / city's jurisdiction id; else null. */
  area: { level: 'county' | 'city'; id: string } | null;
  /** Credit grade bucket of a byCreditGrade rule; null for the rule's own target. */
  grade: string | null;
  /** Indices into the context's entity list. */
  population: number[];
  /** Units required as the rules ask (before clamping to the population). */
  wanted: number;
  /** Units to plan: min(wanted, population size). */
  target: number;
  times: number;
  window: DayWindow;
}

export interface Shortfall {
  requirementKey: string;
  ruleId: string;
  label: string;
  stationId: string | null;
  stationShortName: string | null;
  /** The county or city of a rule counted per county / city. */
  area: { level: 'county' | 'city'; id: string } | null;
  grade: string | null;
  required: number;
  available: number;
  missing: number;
}

export interface RuleServed {
  ruleId: string;
  requirementKey: string;
}

export interface PlannedTask {
  entityId: string;
  stationId: string;
  /** 1-based visit number of this unit in the plan. */
  visit: number;
  /** Due window (ISO dates) in which the visit counts for every rule it serves; null = open. */
  dueFrom: string | null;
  dueTo: string | null;
  rules: RuleServed[];
  inspectorIds: string[];
  /** Why the unit weighed more in the draw (high_risk, repeat_offender, key_area, key_object). */
  reasons: string[];
}

export interface InspectorIssue {
  entityId: string;
  stationId: string;
  visit: number;
  needed: number;
  eligible: number;
  reason: 'pool_too_small';
}

export interface PlanStats {
  tasks: number;
  units: number;
  /** Proven lower bound on the number of tasks (LP bound); equals `tasks` when optimal. */
  lowerBound: number;
  optimal: boolean;
  components: number;
  nodes: number;
}

export interface Plan {
  seed: number;
  tasks: PlannedTask[];
  shortfalls: Shortfall[];
  inspectorIssues: InspectorIssue[];
  warnings: string[];
  stats: PlanStats;
}
