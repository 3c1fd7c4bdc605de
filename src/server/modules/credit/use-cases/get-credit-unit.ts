import { sql } from 'drizzle-orm';
import { isoTimestamp } from '../../../../contracts/calendar.js';
import { kindLabel, type CreditGrade, type CreditUnitDetail } from '../../../../contracts/credit.js';
import { can } from '../../../../contracts/permissions.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { overrideSelect, presentOverride, visibleUnit, type OverrideRow } from '../queries.js';
import { breakdownOf, currentRule, ruleAt } from '../rules.js';

/** One unit's credit file: current grade, the latest score with its breakdown, grade history, override requests. */
export async function getCreditUnit(ctx: Ctx, entityId: number): Promise<CreditUnitDetail> {
  const unit = await visibleUnit(ctx.db, ctx.actor, entityId);
  const rule = await currentRule(ctx.db);
  const [latest] = await rows<{
    run_id: number;
    score: number;
    computed_grade: CreditGrade;
    grade: CreditGrade;
    rule_version: number;
    as_of: string;
    window_from: string;
    finished_at: string;
    counts: number[];
  }>(
    ctx.db,
    sql`select s.run_id, s.score, s.computed_grade, s.grade, r.rule_version, r.as_of::text as as_of, r.window_from::text as window_from,
        coalesce(r.finished_at, r.created_at) as finished_at, s.counts
      from credit_scores s join credit_runs r on r.id = s.run_id
      where s.entity_id = ${entityId} order by s.run_id desc limit 1`,
  );
  const history = await rows<{
    at: string;
    from_grade: CreditGrade | null;
    to_grade: CreditGrade | null;
    source: 'computed' | 'override';
    score: number | null;
    rule_version: number | null;
    note: string | null;
  }>(
    ctx.db,
    sql`select at, from_grade, to_grade, source, score, rule_version, note from credit_grade_changes
      where entity_id = ${entityId} order by id desc limit 100`,
  );
  const overrides = await rows<OverrideRow>(ctx.db, sql`${overrideSelect(sql`o.entity_id = ${entityId}`)} order by o.id desc limit 50`);
  const graded = rule.definition.entityKinds.includes(unit.kind as never);
  const actions: CreditUnitDetail['actions'] = [];
  if (graded && can(ctx.actor.role, 'credit.manage')) actions.push('recompute', 'request_override');
  return {
    entityId: unit.id,
    name: unit.name,
    kind: unit.kind,
    kindLabel: kindLabel(unit.kind),
    stationName: unit.station_name,
    grade: unit.credit_grade,
    graded,
    latest: latest
      ? {
          runId: latest.run_id,
          score: Number(latest.score),
          computedGrade: latest.computed_grade,
          grade: latest.grade,
          ruleVersion: latest.rule_version,
          windowFrom: latest.window_from,
          windowTo: latest.as_of,
          computedAt: isoTimestamp(latest.finished_at),
          breakdown: breakdownOf(await ruleAt(ctx.db, latest.rule_version), latest.counts, ctx.ext),
        }
      : null,
    history: history.map((h) => ({
      at: isoTimestamp(h.at),
      from: h.from_grade,
      to: h.to_grade,
      source: h.source,
      score: h.score == null ? null : Number(h.score),
      ruleVersion: h.rule_version,
      note: h.note,
    })),
    overrides: overrides.map((o) => presentOverride(o, ctx.actor, rule.version)),
    actions,
  };
}
