import { count, eq } from 'drizzle-orm';
import { jurisdictions } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { assertVersion, updateVersioned } from '../../../core/versions.js';
import { assertManagesPath } from '../policy.js';
import { presentJurisdiction } from '../presenter.js';
import { getJurisdiction } from '../queries.js';
import type { DbOrTx } from '../../../../db/client.js';

export async function updateJurisdiction(
  ctx: Ctx,
  id: number,
  { version, ...input }: { name?: string; levelLabel?: string; code?: string | null; version: number },
) {
  return ctx.db.transaction(async (tx) => {
    const before = await getJurisdiction(tx, id);
    assertManagesPath(ctx.actor, before.path);
    const current = async () => presentJurisdiction({ ...(await getJurisdiction(tx, id)), childCount: await childCount(tx, id) });
    await assertVersion(before.version, version, current);
    const after = await updateVersioned(tx, jurisdictions, id, version, { ...input, updatedAt: new Date() }, current);
    await audit(tx, ctx, {
      action: 'jurisdiction.update',
      entityType: 'jurisdiction',
      entityId: id,
      jurisdictionId: id,
      summary: `修改辖区 ${after.name}`,
      before,
      after,
    });
    return presentJurisdiction({ ...after, childCount: await childCount(tx, id) });
  });
}

async function childCount(db: DbOrTx, id: number) {
  const [r] = await db.select({ n: count() }).from(jurisdictions).where(eq(jurisdictions.parentId, id));
  return r.n;
}
