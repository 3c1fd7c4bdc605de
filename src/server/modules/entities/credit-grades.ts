import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';

/**
 * Set the current credit grade (信用等级) of many units in one `UPDATE … FROM`: `source` is a SQL
 * select of `(entity_id int, grade text)`. Only units whose grade changes are written (their version
 * goes up, as for every change of a record); returns how many changed. The caller audits the change
 * (a credit run or an approved override) in the same transaction.
 */
export async function setCreditGrades(tx: DbOrTx, source: SQL): Promise<number> {
  const res = (await tx.execute(sql`update entities e set credit_grade = s.grade, version = e.version + 1, updated_at = now()
    from (${source}) s(entity_id, grade)
    where e.id = s.entity_id and e.credit_grade is distinct from s.grade`)) as unknown as { rowCount?: number; affectedRows?: number };
  return Number(res.rowCount ?? res.affectedRows ?? 0);
}
