import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../db/client.js';
import { jurisdictions, tipPhotos, tips, users } from '../../../db/schema/index.js';
import type { Actor } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { scopeWhere } from '../../core/scope.js';

const reviewer = alias(users, 'reviewer');

/** Rows a given actor may see: coordinators and informants ('own') only what they reported. */
export const tipScope = (actor: Actor): SQL =>
  scopeWhere(actor, { jurisdiction: tips.jurisdictionId, unit: tips.orgUnitId, owner: tips.reportedBy });

export const tipColumns = {
  id: tips.id,
  kind: tips.kind,
  title: tips.title,
  description: tips.description,
  place: tips.place,
  entityName: tips.entityName,
  entityAddress: tips.entityAddress,
  occurredOn: tips.occurredOn,
  status: tips.status,
  jurisdictionId: tips.jurisdictionId,
  jurisdictionName: jurisdictions.name,
  reportedBy: tips.reportedBy,
  reporterName: users.displayName,
  reviewNote: tips.reviewNote,
  reviewerName: reviewer.displayName,
  reviewedAt: tips.reviewedAt,
  forwardNote: tips.forwardNote,
  forwardedAt: tips.forwardedAt,
  createdAt: tips.createdAt,
  version: tips.version,
};

export function selectTips(db: DbOrTx) {
  return db
    .select(tipColumns)
    .from(tips)
    .innerJoin(jurisdictions, eq(jurisdictions.id, tips.jurisdictionId))
    .innerJoin(users, eq(users.id, tips.reportedBy))
    .leftJoin(reviewer, eq(reviewer.id, tips.reviewedBy));
}

/** A tip the actor may see, or 404 (never reveals that another's tip exists). */
export async function getVisibleTip(db: DbOrTx, actor: Actor, id: number) {
  const [row] = await selectTips(db).where(and(eq(tips.id, id), tipScope(actor)));
  if (!row) throw notFound('上报记录');
  return row;
}

export async function photosOf(db: DbOrTx, tipIds: number[]) {
  if (!tipIds.length) return new Map<number, { id: number; fileName: string; mimeType: string; size: number }[]>();
  const rows = await db
    .select({ id: tipPhotos.id, tipId: tipPhotos.tipId, fileName: tipPhotos.fileName, mimeType: tipPhotos.mimeType, size: tipPhotos.size })
    .from(tipPhotos)
    .where(inArray(tipPhotos.tipId, tipIds))
    .orderBy(asc(tipPhotos.id));
  const map = new Map<number, typeof rows>();
  for (const r of rows) map.set(r.tipId, [...(map.get(r.tipId) ?? []), r]);
  return map;
}
