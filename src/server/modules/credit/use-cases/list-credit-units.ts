import { sql } from 'drizzle-orm';
import { isoTimestamp } from '../../../../contracts/calendar.js';
import { kindLabel, type CreditGrade, type CreditUnitItem, type ListCreditUnitsQuery } from '../../../../contracts/credit.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { creditUnitsWhere, UNIT_ORDER, unitSelect } from '../list-query.js';
import { currentRule } from '../rules.js';

export interface UnitListRow {
  id: number;
  name: string;
  kind: string;
  jurisdiction_id: number;
  station_name: string | null;
  credit_grade: CreditGrade | null;
  score: number | null;
  computed_grade: CreditGrade | null;
  counts: number[] | null;
  rule_version: number | null;
  computed_at: string | null;
  overridden: boolean;
}

const presentUnit = (r: UnitListRow): CreditUnitItem => ({
  entityId: r.id,
  name: r.name,
  kind: r.kind,
  kindLabel: kindLabel(r.kind),
  jurisdictionId: r.jurisdiction_id,
  stationName: r.station_name,
  grade: r.credit_grade,
  computedGrade: r.computed_grade,
  score: r.score == null ? null : Number(r.score),
  overridden: !!r.overridden,
  computedAt: isoTimestamp(r.computed_at),
  ruleVersion: r.rule_version,
});

/** Graded units in the caller's area by current grade (worst first), with the counts per grade. */
export async function listCreditUnits(ctx: Ctx, q: ListCreditUnitsQuery) {
  const rule = await currentRule(ctx.db);
  const where = creditUnitsWhere(ctx.actor, rule, q);
  const list = await rows<UnitListRow>(
    ctx.db,
    sql`${unitSelect(rule.version)} where ${where} ${UNIT_ORDER} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  const byGrade = await rows<{ grade: string | null; n: number }>(
    ctx.db,
    sql`select e.credit_grade as grade, count(*)::int as n from entities e where ${creditUnitsWhere(ctx.actor, rule, q, false)} group by e.credit_grade`,
  );
  const counts: Record<string, number> = { A: 0, B: 0, C: 0, D: 0, none: 0 };
  for (const g of byGrade) counts[g.grade ?? 'none'] = Number(g.n);
  const total = q.grades?.length ? q.grades.reduce((s, g) => s + (counts[g] ?? 0), 0) : Object.values(counts).reduce((a, b) => a + b, 0);
  return { items: list.map(presentUnit), total, page: q.page, pageSize: q.pageSize, counts };
}
