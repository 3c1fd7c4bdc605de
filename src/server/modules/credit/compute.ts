import { sql, type SQL } from 'drizzle-orm';
import { addDays, daysInMonth, formatDate } from '../../../contracts/calendar.js';
import type { CreditRuleDefinition } from '../../../contracts/credit.js';
import type { DbOrTx } from '../../../db/client.js';
import { JobFailure } from '../../core/jobs/runner.js';
import type { Registry } from '../../core/extensions.js';
import { setCreditGrades } from '../entities/public.js';
import { indicatorsOf } from './rules.js';
import type { CreditCountQuery, CreditIndicator } from './public.js';

/** First day of the look-back window ending on `asOf`: `months` months back, the day after. */
export function windowFrom(asOf: string, months: number): string {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return addDays(formatDate(ny, nm, Math.min(d, daysInMonth(ny, nm))), 1);
}

/** The grade a score earns under the rule's thresholds (A ≥ A-line, B ≥ B-line, C ≥ C-line, else D). */
export function gradeOf(score: number, t: CreditRuleDefinition['thresholds']): 'A' | 'B' | 'C' | 'D' {
  return score >= t.A ? 'A' : score >= t.B ? 'B' : score >= t.C ? 'C' : 'D';
}

export interface RunInput {
  runId: number;
  ruleVersion: number;
  rule: CreditRuleDefinition;
  asOf: string;
  /** Every graded unit under this subtree, or just these units. */
  path?: string;
  entityIds?: number[];
}

/**
 * Score every graded unit of the run's scope in one INSERT … SELECT (counts of every indicator,
 * capped points, score, grade, an approved override in force, and the breakdown as JSON), record
 * the grade changes, then set the units' current grades in one UPDATE … FROM. Runs in the caller's
 * transaction. Returns the number of units scored and of grades changed.
 */
export async function scoreUnits(tx: DbOrTx, ext: Registry, r: RunInput): Promise<{ units: number; changed: number }> {
  const known = indicatorsOf(ext);
  const q: CreditCountQuery = { from: windowFrom(r.asOf, r.rule.windowMonths), to: r.asOf, path: r.path, entityIds: r.entityIds };
  // One source per indicator, or one per family of indicators counted in a single pass; each item's
  // count is a column `cK.nJ` of its source.
  const sources: SQL[] = [];
  const column: SQL[] = [];
  const families = new Map<string, { keys: string[]; items: number[]; select: NonNullable<CreditIndicator['family']>['select'] }>();
  for (const [k, item] of r.rule.items.entries()) {
    const ind = known.get(item.indicator);
    // The rule was checked when saved; a module removed since then makes the run fail, not guess.
    if (!ind) throw new JobFailure(`评价指标不存在：${item.indicator}`);
    if (ind.family) {
      const f = families.get(ind.family.key) ?? { keys: [], items: [], select: ind.family.select };
      f.keys.push(item.indicator);
      f.items.push(k);
      families.set(ind.family.key, f);
      continue;
    }
    column[k] = sql.raw(`coalesce(c${sources.length}.n, 0)`);
    sources.push(
      ind.select
        ? ind.select(q)
        : sql`select x.entity_id, x.n from json_to_recordset(${JSON.stringify(
            [...(await ind.count(tx, q))].map(([entity_id, n]) => ({ entity_id, n })),
          )}::json) as x(entity_id int, n int)`,
    );
  }
  for (const f of families.values()) {
    f.items.forEach((k, j) => (column[k] = sql.raw(`coalesce(c${sources.length}.n${j}, 0)`)));
    sources.push(f.select(f.keys, q));
  }
  const kinds = `{${r.rule.entityKinds.join(',')}}`;
  // The area by a join (a subtree can hold thousands of jurisdictions: `= any(array(…))` would search
  // that array linearly for every unit); the whole tree needs no filter.
  const area =
    !r.entityIds && r.path && r.path !== '/'
      ? sql`join jurisdictions j on j.id = e.jurisdiction_id and j.path like ${r.path + '%'}`
      : sql``;
  const unitScope = r.entityIds ? sql`e.id = any(${`{${r.entityIds.join(',')}}`}::int[])` : sql`true`;
  const t = r.rule.thresholds;
  // Each indicator's counts joined to the units (one hash join each), its points capped, summed.
  const joins = sql.join(
    sources.map((src, k) => sql`left join (${src}) ${sql.raw(`c${k}`)} on ${sql.raw(`c${k}`)}.entity_id = u.id`),
    sql` `,
  );
  const n = (k: number) => column[k]!;
  const points = sql.join(
    r.rule.items.map((i, k) =>
      i.cap != null ? sql`least(${n(k)} * ${i.pointsEach}::float8, ${i.cap}::float8)` : sql`${n(k)} * ${i.pointsEach}::float8`,
    ),
    sql` + `,
  );
  const counts = sql.join(
    r.rule.items.map((_, k) => n(k)),
    sql`, `,
  );
  const res = (await tx.execute(sql`
    with units as (
      select e.id, e.jurisdiction_id, e.credit_grade from entities e ${area}
      where ${unitScope} and e.kind = any(${kinds}::text[]) and e.status <> 'closed'
    ),
    ov as (
      select distinct on (o.entity_id) o.entity_id, o.id, o.grade from credit_overrides o
      where o.status = 'approved' and o.rule_version = ${r.ruleVersion} and (o.expires_on is null or o.expires_on >= ${r.asOf}::date)
      order by o.entity_id, o.decided_at desc, o.id desc
    ),
    scored as (
      select u.id, u.jurisdiction_id, u.credit_grade, greatest(${r.rule.baseScore}::float8 - (${points}), 0) as score,
        array[${counts}]::int[] as counts
      from units u ${joins}
    )
    insert into credit_scores (run_id, entity_id, jurisdiction_id, score, computed_grade, grade, previous_grade, override_id, counts)
    select ${r.runId}, s.id, s.jurisdiction_id, s.score, g.grade, coalesce(ov.grade, g.grade), s.credit_grade, ov.id, s.counts
    from scored s
    cross join lateral (select case when s.score >= ${t.A}::float8 then 'A' when s.score >= ${t.B}::float8 then 'B'
      when s.score >= ${t.C}::float8 then 'C' else 'D' end as grade) g
    left join ov on ov.entity_id = s.id`)) as unknown as { rowCount?: number; affectedRows?: number };
  const units = Number(res.rowCount ?? res.affectedRows ?? 0);
  await tx.execute(sql`insert into credit_grade_changes (entity_id, jurisdiction_id, run_id, override_id, from_grade, to_grade, source, score, rule_version)
    select entity_id, jurisdiction_id, run_id, override_id, previous_grade, grade,
      case when override_id is null then 'computed' else 'override' end, score, ${r.ruleVersion}
    from credit_scores where run_id = ${r.runId} and grade is distinct from previous_grade`);
  const changed = await setCreditGrades(
    tx,
    sql`select entity_id, grade from credit_scores where run_id = ${r.runId} and grade is distinct from previous_grade`,
  );
  return { units, changed };
}
