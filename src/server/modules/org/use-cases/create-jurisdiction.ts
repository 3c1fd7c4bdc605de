import { eq } from 'drizzle-orm';
import { JURISDICTION_LEVELS, LEVEL_LABELS } from '../../../../contracts/org.js';
import { jurisdictions } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { assertManagesPath } from '../policy.js';
import { presentJurisdiction } from '../presenter.js';
import { getJurisdiction } from '../queries.js';

/** Add a child jurisdiction one level below its parent; its path is derived, never given. */
export async function createJurisdiction(ctx: Ctx, input: { parentId: number; name: string; levelLabel?: string; code?: string | null }) {
  const parent = await getJurisdiction(ctx.db, input.parentId);
  assertManagesPath(ctx.actor, parent.path);
  const idx = JURISDICTION_LEVELS.indexOf(parent.level as any);
  const level = JURISDICTION_LEVELS[idx + 1];
  if (!level) throw invalid('村/社区/嘎查 是最下一级，不能再添加下级');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(jurisdictions)
      .values({
        parentId: parent.id,
        level,
        levelLabel: input.levelLabel ?? LEVEL_LABELS[level],
        name: input.name,
        code: input.code ?? null,
        path: 'pending',
        depth: parent.depth + 1,
      })
      .returning();
    const [done] = await tx
      .update(jurisdictions)
      .set({ path: `${parent.path}${row.id}/` })
      .where(eq(jurisdictions.id, row.id))
      .returning();
    await audit(tx, ctx, {
      action: 'jurisdiction.create',
      entityType: 'jurisdiction',
      entityId: done.id,
      jurisdictionId: done.id,
      summary: `新增辖区 ${done.name}`,
      after: done,
    });
    return presentJurisdiction({ ...done, childCount: 0 });
  });
}
