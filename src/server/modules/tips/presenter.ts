import type { Tip, TipStatus } from '../../../contracts/tips.js';
import type { Actor } from '../../core/context.js';
import { EDITABLE_STATUS, tipWorkflow } from './workflow.js';
import { isoTimestamp } from '../../../contracts/calendar.js';

/** What leaves the server about a tip: no photo bytes, plus what this actor may do with it. */
export function presentTip(r: any, actor: Actor, photos: { id: number; fileName: string; mimeType: string; size: number }[]): Tip {
  const status = r.status as TipStatus;
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    description: r.description ?? '',
    place: r.place,
    entityName: r.entityName ?? null,
    entityAddress: r.entityAddress ?? null,
    occurredOn: String(r.occurredOn).slice(0, 10),
    status,
    jurisdictionId: r.jurisdictionId,
    jurisdictionName: r.jurisdictionName ?? '',
    reportedBy: r.reportedBy,
    reporterName: r.reporterName ?? '',
    reviewNote: r.reviewNote ?? null,
    reviewerName: r.reviewerName ?? null,
    reviewedAt: isoTimestamp(r.reviewedAt),
    forwardNote: r.forwardNote ?? null,
    forwardedAt: isoTimestamp(r.forwardedAt),
    createdAt: isoTimestamp(r.createdAt),
    photos: photos.map((p) => ({ id: p.id, fileName: p.fileName, mimeType: p.mimeType, size: p.size })),
    actions: tipWorkflow.actionsFor(actor, status),
    editable: r.reportedBy === actor.id && status === EDITABLE_STATUS,
    version: r.version,
  };
}
