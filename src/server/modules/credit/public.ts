import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { rows } from '../../core/sql.js';

/**
 * What other modules use of credit grading: the `creditIndicators` extension point.
 *
 * An indicator is a count per unit over a window (检查发现问题数, 抽检不合格次数, 投诉举报件数, 行政处罚次数 …)
 * that a scoring rule may deduct points for. A module contributes its indicators in its `module.ts`
 * (`contributes: { creditIndicators: [...] }`), or the credit module contributes them through the
 * other module's `public.ts`. A rule may refer only to contributed keys (else 400 UNKNOWN_INDICATOR).
 *
 * Contract of `count`: entity id → number of occurrences dated inside [from, to] (Beijing dates,
 * inclusive), for the units listed in `entityIds` or, when absent, every unit whose records lie in the
 * jurisdiction subtree `path`; units without occurrences may be missing (= 0). Set-based: one query
 * for all units, never one per unit. `select` (optional, preferred) is the same count as one SQL
 * select of `(entity_id int, n int)`: a computation run then counts, scores and stores every unit
 * in a single INSERT … SELECT. `sqlIndicator` builds both from the select, so they cannot differ.
 */
export interface CreditCountQuery {
  entityIds?: number[];
  path?: string;
  from: string;
  to: string;
}

export interface CreditIndicator {
  /** Stable key a rule refers to, e.g. `inspections.findings_severe`, `sampling.failures`. */
  key: string;
  /** Chinese name shown in the rule editor and the breakdown, e.g. 检查发现严重问题. */
  label: string;
  /** Unit of the count, e.g. 项, 次, 件. */
  unit: string;
  count(db: DbOrTx, q: CreditCountQuery): Promise<Map<number, number>>;
  select?(q: CreditCountQuery): SQL;
  /**
   * Optional: indicators of one family (same records, e.g. findings by severity) are counted in one
   * pass when a rule uses several of them: `select(keys, q)` is a SQL select of
   * `(entity_id int, n0 int, n1 int, …)`, one count column per key in the order given.
   */
  family?: { key: string; select(keys: string[], q: CreditCountQuery): SQL };
}

declare module '../../core/extensions.js' {
  interface ExtensionPoints {
    creditIndicators: CreditIndicator;
  }
}

/** An indicator defined by one SQL select of `(entity_id int, n int)` (its `count` runs that select). */
export function sqlIndicator(def: { key: string; label: string; unit: string; select(q: CreditCountQuery): SQL }): CreditIndicator {
  return {
    ...def,
    async count(db, q) {
      const list = await rows<{ entity_id: number; n: number }>(db, def.select(q));
      return new Map(list.map((r) => [Number(r.entity_id), Number(r.n)]));
    },
  };
}

export { gradeAreaNow } from './run.js';

/**
 * An indicator counting one table's rows per unit: `from` names the rows (with the alias `x` for the
 * table holding `entity_id`, `jurisdiction_id` and the date), `where` what counts. The period, the
 * units asked for and the area (a join on the materialised path, not `= any(array(…))`) are added here.
 */
export function rowCountIndicator(def: {
  key: string;
  label: string;
  unit: string;
  /** e.g. sql`sampling_results r join sampling_records x on x.id = r.record_id` */
  from: SQL;
  /** The dating column, e.g. sql`r.report_date`. */
  date: SQL;
  where: SQL;
}): CreditIndicator {
  return sqlIndicator({
    key: def.key,
    label: def.label,
    unit: def.unit,
    select(q) {
      const where: SQL[] = [def.where, sql`x.entity_id is not null`, sql`${def.date} between ${q.from}::date and ${q.to}::date`];
      if (q.entityIds) where.push(sql`x.entity_id = any(${`{${q.entityIds.map(Number).join(',')}}`}::int[])`);
      const area = q.path && q.path !== '/' ? sql`join jurisdictions j on j.id = x.jurisdiction_id and j.path like ${q.path + '%'}` : sql``;
      return sql`select x.entity_id, count(*)::int as n from ${def.from} ${area} where ${sql.join(where, sql` and `)} group by x.entity_id`;
    },
  });
}
