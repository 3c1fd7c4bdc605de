import type { Ctx } from '../../core/context.js';

/**
 * What other modules use of the overview: the `assessmentIndicators` extension point (考核指标).
 *
 * An indicator gives a raw value per assessed unit for a campaign and period (检查指标完成率, 报送及时率,
 * 立案查处数, 典型案例数 …) and scores it on 0…1 (`normalise`); the assessment rule (data, versioned)
 * gives each indicator its weight. A module contributes its indicators in its `module.ts`
 * (`contributes: { assessmentIndicators: [...] }`); the reports module adds `reports.timeliness` that
 * way. A rule item whose key no module contributes shows 暂无数据 and adds no points.
 *
 * Contract of `compute`: one value per unit of `units` (the jurisdictions being assessed: stations
 * below a county bureau, counties below a city), summed over the unit's subtree however the
 * indicator sums (a ratio is recomputed from its parts, never averaged); a unit missing from the map
 * has no data (暂无数据), 0 is a measured zero. Set-based: one query per indicator for all units.
 */
export interface AssessmentUnit {
  jurisdictionId: number;
  /** Materialised path, e.g. "/1/2/5/". */
  path: string;
}

export interface AssessmentScope {
  campaignId: number;
  /** The caller's area (every unit lies inside it). */
  path: string;
  /** Inclusive Beijing dates inside the campaign's period. */
  from: string;
  to: string;
  units: AssessmentUnit[];
}

export interface AssessmentIndicator {
  /** Stable key a rule refers to, e.g. `planning.coverage`, `reports.timeliness`. */
  key: string;
  /** Chinese name shown in the rule editor and the breakdown. */
  label: string;
  /** How the raw value is computed and scored, shown with the breakdown. */
  description: string;
  /** The raw value is a share in 0…1 (shown as a percentage), else a count. */
  ratio: boolean;
  /** The caller's context: an indicator reads what the caller may see (e.g. the plan's coverage). */
  compute(ctx: Ctx, q: AssessmentScope): Promise<Map<number, number>>;
  /** Raw values of all units → scores on 0…1 (values outside are clamped). */
  normalise(raw: Map<number, number>, q: AssessmentScope): Map<number, number>;
}

declare module '../../core/extensions.js' {
  interface ExtensionPoints {
    assessmentIndicators: AssessmentIndicator;
  }
}
