import { and, eq, ne, or } from 'drizzle-orm';
import { checkCreditCode, CREDIT_CODE_PROBLEMS } from '../../../../contracts/credit-code.js';
import type { EntityInput } from '../../../../contracts/entities.js';
import type { DbOrTx } from '../../../../db/client.js';
import { entities, entityLicences, jurisdictions } from '../../../../db/schema/index.js';
import { pathInScope } from '../../../core/scope.js';
import { audit } from '../../../core/audit.js';
import type { Actor, Ctx } from '../../../core/context.js';
import { conflict, invalid } from '../../../core/errors.js';
import { resolvePlacement } from '../policy.js';
import { bigrams, getEntityRow, getLicences, refreshLicenceValidTo } from '../queries.js';
import { presentEntityDetail } from '../presenter.js';

/** Validate the parts of an entity shared by create and update; returns normalised values. */
export async function checkEntityInput(db: DbOrTx, actor: Actor, input: Partial<EntityInput>, selfId?: number) {
  const out: Record<string, unknown> = {};
  if (input.creditCode) {
    const { code, problem } = checkCreditCode(input.creditCode);
    if (problem) throw invalid(CREDIT_CODE_PROBLEMS[problem], { field: 'creditCode' });
    const [dup] = await db
      .select({ id: entities.id, name: entities.name, path: jurisdictions.path })
      .from(entities)
      .innerJoin(jurisdictions, eq(jurisdictions.id, entities.jurisdictionId))
      .where(and(eq(entities.creditCode, code), selfId ? ne(entities.id, selfId) : undefined));
    // Name the holder only when the actor may see it; otherwise say only that the code is taken.
    if (dup)
      throw conflict(
        pathInScope(actor, dup.path) ? `统一社会信用代码已被“${dup.name}”使用` : '统一社会信用代码已被其他单位使用（不在您的管辖范围内）',
      );
    out.creditCode = code;
  }
  if (input.licences?.length) {
    const seen = new Set<string>();
    for (const l of input.licences) {
      const key = `${l.kind}|${l.number}`;
      if (seen.has(key)) throw invalid(`许可证 ${l.number} 重复`);
      seen.add(key);
      if (l.validFrom && l.validTo && l.validFrom > l.validTo) throw invalid(`许可证 ${l.number} 的有效期起始晚于截止`);
    }
    const taken = await db
      .select({ number: entityLicences.number })
      .from(entityLicences)
      .where(
        and(
          or(...input.licences.map((l) => and(eq(entityLicences.kind, l.kind), eq(entityLicences.number, l.number)))),
          selfId ? ne(entityLicences.entityId, selfId) : undefined,
        ),
      );
    if (taken.length) throw conflict(`许可证编号 ${taken[0].number} 已属于其他单位`);
  }
  return out;
}

export async function writeLicences(db: DbOrTx, entityId: number, jurisdictionId: number, licences: EntityInput['licences']) {
  await db.delete(entityLicences).where(eq(entityLicences.entityId, entityId));
  if (licences.length) {
    await db.insert(entityLicences).values(
      licences.map((l) => ({
        entityId,
        jurisdictionId,
        kind: l.kind,
        number: l.number,
        scope: l.scope ?? null,
        validFrom: l.validFrom ?? null,
        validTo: l.validTo ?? null,
      })),
    );
  }
  await refreshLicenceValidTo(db, [entityId]);
}

/** Register one unit with its licences. */
export async function createEntity(ctx: Ctx, input: EntityInput) {
  return ctx.db.transaction(async (tx) => {
    const place = await resolvePlacement(tx, ctx.actor, input);
    const checked = await checkEntityInput(tx, ctx.actor, input);
    const { licences, ...fields } = input;
    const [row] = await tx
      .insert(entities)
      .values({
        ...fields,
        creditCode: (checked.creditCode as string | undefined) ?? null,
        jurisdictionId: place.station.id,
        townshipId: place.townshipId,
        villageId: place.villageId,
        tags: [...new Set(fields.tags)],
        products: [...new Set(fields.products)],
        searchBigrams: bigrams(fields.name, fields.address),
        createdBy: ctx.actor.id || null,
      })
      .returning({ id: entities.id });
    await writeLicences(tx, row.id, place.station.id, licences);
    const after = await getEntityRow(tx, ctx.actor, row.id);
    const lic = await getLicences(tx, row.id);
    await audit(tx, ctx, {
      action: 'entity.create',
      entityType: 'entity',
      entityId: row.id,
      jurisdictionId: place.station.id,
      summary: `新增监管对象 ${after.name}`,
      after: { ...after, licences: lic },
    });
    return presentEntityDetail(after, lic);
  });
}
