import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../../db/client.js';

/** Townships / villages under the campaign's jurisdiction with and without a coordinator / informant. */
export async function staffingProgress(db: DbOrTx, path: string) {
  const r = await db.execute(sql`
    select j.level, j.id, j.name, p.name as parent_name,
      exists(select 1 from users u where u.jurisdiction_id = j.id and u.active
        and u.role = case when j.level = 'township' then 'coordinator' else 'informant' end) as staffed
    from jurisdictions j left join jurisdictions p on p.id = j.parent_id
    where j.path like ${path + '%'} and j.level in ('township','village')
    order by j.path`);
  const rows = ((r as any).rows ?? r) as { level: string; id: number; name: string; parent_name: string; staffed: boolean }[];
  const part = (level: string) => {
    const all = rows.filter((x) => x.level === level);
    const missing = all.filter((x) => !x.staffed).map((x) => ({ id: Number(x.id), name: x.name, parent: x.parent_name }));
    return { total: all.length, staffed: all.length - missing.length, missing };
  };
  return { townships: part('township'), villages: part('village') };
}
