import { eq } from 'drizzle-orm';
import { jurisdictions } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { assertManagesPath } from '../policy.js';
import { presentJurisdiction } from '../presenter.js';
import { getJurisdiction } from '../queries.js';

export async function updateJurisdiction(ctx: Ctx, id: number, input: { name?: string; levelLabel?: string; code?: string | null }) {
  return ctx.db.transaction(async (tx) => {
    const before = await getJurisdiction(tx, id);
    assertManagesPath(ctx.actor, before.path);
    const [after] = await tx
      .update(jurisdictions)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(jurisdictions.id, id))
      .returning();
    await audit(tx, ctx, { action: 'jurisdiction.update', entityType: 'jurisdiction', entityId: id, jurisdictionId: id, summary: `修改辖区 ${after.name}`, before, after });
    return presentJurisdiction(after);
  });
}
