import type { TipStatus } from '../../../contracts/tips.js';
import { dateOf } from '../../../contracts/calendar.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../core/context.js';
import { getVisibleTip } from './queries.js';

/** What other modules may use of tips. */

/** A tip the actor may see (else 404), as the clues module makes a clue from it (转为线索). */
export async function tipForClue(db: DbOrTx, actor: Actor, id: number) {
  const t = await getVisibleTip(db, actor, id);
  return {
    id: t.id,
    status: t.status as TipStatus,
    title: t.title,
    description: t.description ?? '',
    place: t.place,
    entityName: t.entityName ?? null,
    entityAddress: t.entityAddress ?? null,
    jurisdictionId: t.jurisdictionId,
    occurredOn: String(t.occurredOn).slice(0, 10),
    reviewNote: t.reviewNote ?? null,
    reviewedOn: t.reviewedAt ? dateOf(t.reviewedAt) : null,
    reporterName: t.reporterName ?? '',
  };
}
