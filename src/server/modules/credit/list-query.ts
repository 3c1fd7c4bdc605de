import { sql, type SQL } from 'drizzle-orm';
import { shanghaiToday } from '../../../contracts/calendar.js';
import type { ListCreditUnitsQuery } from '../../../contracts/credit.js';
import type { Actor } from '../../core/context.js';
import { scopeWhere } from '../../core/scope.js';
import type { CurrentRule } from './rules.js';

/** An approved override in force for unit `e` under the rule version. */
export const overrideInForce = (ruleVersion: number) =>
  sql`exists (select 1 from credit_overrides o where o.entity_id = e.id and o.status = 'approved' and o.rule_version = ${ruleVersion}
    and (o.expires_on is null or o.expires_on >= ${shanghaiToday()}::date))`;

/** The graded units (kinds of the rule in force) in the caller's area matching the filters; `withGrades` = apply the grade filter. */
export function creditUnitsWhere(
  actor: Actor,
  rule: CurrentRule,
  q: Omit<ListCreditUnitsQuery, 'page' | 'pageSize'>,
  withGrades = true,
): SQL {
  const kinds = q.kinds?.length ? q.kinds.filter((k) => rule.definition.entityKinds.includes(k)) : rule.definition.entityKinds;
  const c: SQL[] = [
    scopeWhere(actor, { jurisdiction: sql`e.jurisdiction_id` }),
    sql`e.kind = any(${`{${kinds.join(',')}}`}::text[])`,
    sql`e.status <> 'closed'`,
  ];
  if (q.jurisdictionId)
    c.push(
      sql`e.jurisdiction_id = any(array(select id from jurisdictions where path like (select path from jurisdictions where id = ${q.jurisdictionId}) || '%'))`,
    );
  if (q.q) c.push(sql`e.name like ${`%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}`);
  if (withGrades && q.grades?.length) {
    const g = q.grades.filter((x) => x !== 'none');
    c.push(
      sql`(${g.length ? sql`e.credit_grade = any(${`{${g.join(',')}}`}::text[])` : sql`false`}${q.grades.includes('none') ? sql` or e.credit_grade is null` : sql``})`,
    );
  }
  if (q.overridden !== undefined) c.push(q.overridden ? overrideInForce(rule.version) : sql`not ${overrideInForce(rule.version)}`);
  return sql.join(c, sql` and `);
}

export const unitSelect = (
  ruleVersion: number,
) => sql`select e.id, e.name, e.kind, e.jurisdiction_id, j.name as station_name, e.credit_grade,
    s.score, s.computed_grade, s.counts, r.rule_version, coalesce(r.finished_at, r.created_at) as computed_at, ${overrideInForce(ruleVersion)} as overridden
  from entities e join jurisdictions j on j.id = e.jurisdiction_id
  left join lateral (select cs.run_id, cs.score, cs.computed_grade, cs.counts from credit_scores cs where cs.entity_id = e.id order by cs.run_id desc limit 1) s on true
  left join credit_runs r on r.id = s.run_id`;

export const UNIT_ORDER = sql`order by coalesce(e.credit_grade, '0') desc, e.name, e.id`;
