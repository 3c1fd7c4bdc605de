import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { rows } from '../../core/sql.js';

/** The name of the bureau (执法机关) an area belongs to: the nearest bureau unit at or above it. */
export async function bureauNameOf(db: DbOrTx, jurisdictionId: number): Promise<string> {
  const [b] = await rows<{ name: string }>(
    db,
    sql`select u.name from org_units u join jurisdictions j on j.id = u.jurisdiction_id
        where u.kind = 'bureau' and (select path from jurisdictions where id = ${jurisdictionId}) like j.path || '%' order by length(j.path) desc limit 1`,
  );
  return b?.name ?? '市场监督管理局';
}
