import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { jurisdictions } from '../../../db/schema/index.js';
import type { Actor } from '../../core/context.js';
import { forbidden, invalid } from '../../core/errors.js';
import { pathInScope } from '../../core/scope.js';

/**
 * Where a unit may be registered: a station inside the actor's area, and a township / village
 * under that station. Holders of entities.manage only (checked at the route).
 */
export async function resolvePlacement(
  db: DbOrTx,
  actor: Actor,
  p: { jurisdictionId: number; townshipId?: number | null; villageId?: number | null },
) {
  const [st] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, p.jurisdictionId));
  if (!st || st.level !== 'station') throw invalid('所属监管所不存在');
  if (!pathInScope(actor, st.path)) throw forbidden('只能管理本辖区的监管对象');
  let townshipId: number | null = null;
  let villageId: number | null = null;
  if (p.townshipId) {
    const [t] = await db
      .select()
      .from(jurisdictions)
      .where(and(eq(jurisdictions.id, p.townshipId), eq(jurisdictions.parentId, st.id)));
    if (!t) throw invalid('乡镇（街道）不属于所选监管所');
    townshipId = t.id;
  }
  if (p.villageId) {
    const [v] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, p.villageId));
    if (!v || v.level !== 'village' || !v.path.startsWith(st.path)) throw invalid('村（社区）不属于所选监管所');
    if (townshipId && v.parentId !== townshipId) throw invalid('村（社区）不属于所选乡镇（街道）');
    villageId = v.id;
    townshipId = v.parentId;
  }
  return { station: st, townshipId, villageId };
}
