import type { EntityInput } from '../../../../contracts/entities.js';
import { entities } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { assertVersion, updateVersioned } from '../../../core/versions.js';
import { resolvePlacement } from '../policy.js';
import { presentEntityDetail } from '../presenter.js';
import { bigrams, getEntityRow, getLicences } from '../queries.js';
import { checkEntityInput, writeLicences } from './create-entity.js';
import { syncUnitKinds } from '../../../core/measure-summaries.js';

/**
 * Change a unit's attributes; given licences replace the current ones. Moving it needs both areas
 * in scope. Only from the version the editor read: otherwise 409 STALE_VERSION with the unit as it is now.
 */
export async function updateEntity(ctx: Ctx, id: number, { version, ...input }: Partial<EntityInput> & { version: number }) {
  return ctx.db.transaction(async (tx) => {
    const before = await getEntityRow(tx, ctx.actor, id);
    const beforeLic = await getLicences(tx, id);
    const current = async () => presentEntityDetail(await getEntityRow(tx, ctx.actor, id), await getLicences(tx, id));
    await assertVersion(before.version, version, current);
    const moved = input.jurisdictionId !== undefined || input.townshipId !== undefined || input.villageId !== undefined;
    const place = await resolvePlacement(tx, ctx.actor, {
      jurisdictionId: input.jurisdictionId ?? before.jurisdictionId,
      townshipId:
        input.townshipId !== undefined
          ? input.townshipId
          : input.jurisdictionId && input.jurisdictionId !== before.jurisdictionId
            ? null
            : before.townshipId,
      villageId: input.villageId !== undefined ? input.villageId : moved ? null : before.villageId,
    });
    const checked = await checkEntityInput(tx, ctx.actor, input, id);
    const { licences, ...fields } = input;
    await updateVersioned(
      tx,
      entities,
      id,
      version,
      {
        ...fields,
        ...(fields.creditCode !== undefined ? { creditCode: (checked.creditCode as string | undefined) ?? null } : {}),
        ...(fields.tags ? { tags: [...new Set(fields.tags)] } : {}),
        ...(fields.products ? { products: [...new Set(fields.products)] } : {}),
        jurisdictionId: place.station.id,
        townshipId: place.townshipId,
        villageId: place.villageId,
        searchBigrams: bigrams(fields.name ?? before.name, fields.address !== undefined ? fields.address : before.address),
        updatedAt: new Date(),
      },
      current,
    );
    if (licences) await writeLicences(tx, id, place.station.id, licences);
    // A new kind moves the unit's report summaries to it (rows by kind).
    if (fields.kind !== undefined && fields.kind !== before.kind) await syncUnitKinds(tx, [id]);
    const after = await getEntityRow(tx, ctx.actor, id);
    const afterLic = await getLicences(tx, id);
    await audit(tx, ctx, {
      action: 'entity.update',
      entityType: 'entity',
      entityId: id,
      jurisdictionId: place.station.id,
      summary: `修改监管对象 ${after.name}`,
      before: { ...before, licences: beforeLic },
      after: { ...after, licences: afterLic },
    });
    return presentEntityDetail(after, afterLic);
  });
}
