import { and, eq, sql } from 'drizzle-orm';
import { CLUE_SOURCES, type ClueSource } from '../../../contracts/clues.js';
import { shanghaiToday } from '../../../contracts/calendar.js';
import type { Tx } from '../../../db/client.js';
import { clues } from '../../../db/schema/index.js';
import { audit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { AppError, invalid } from '../../core/errors.js';
import { assertHandler, placeOf } from './queries.js';

/** What makes a clue, whatever its source (contracts/clues.ts for the sources). */
export interface OpenClueInput {
  source: { type: ClueSource; id?: number | null; detailId?: number | null; note?: string | null };
  entityId?: number | null;
  subjectName?: string | null;
  jurisdictionId?: number | null;
  summary: string;
  description?: string;
  receivedOn: string;
  handlerId?: number | null;
}

/**
 * Open a clue (待核查) in the caller's transaction, with its audit row: the unit must lie in the
 * caller's area (else 400), one clue per source record (a second → 409 naming the first).
 */
export async function openClue(tx: Tx, ctx: Pick<Ctx, 'actor' | 'ip'>, input: OpenClueInput): Promise<{ id: number }> {
  if (!(input.source.type in CLUE_SOURCES)) throw invalid('未知的线索来源');
  if (input.receivedOn > shanghaiToday()) throw invalid('收到日期不能晚于今天', [{ path: 'receivedOn', message: '不能晚于今天' }]);
  const place = await placeOf(tx, ctx.actor, input);
  await assertHandler(tx, input.handlerId, place.path);
  if (input.source.id != null) {
    const [dup] = await tx
      .select({ id: clues.id })
      .from(clues)
      .where(
        and(
          eq(clues.sourceType, input.source.type),
          eq(clues.sourceId, input.source.id),
          input.source.detailId != null ? eq(clues.sourceDetailId, input.source.detailId) : sql`${clues.sourceDetailId} is null`,
        ),
      );
    if (dup) throw new AppError('CLUE_EXISTS', `该记录已转为线索（线索编号 ${dup.id}）`, 409, { clueId: dup.id });
  }
  const [row] = await tx
    .insert(clues)
    .values({
      jurisdictionId: place.jurisdictionId,
      orgUnitId: ctx.actor.orgUnitId || null,
      sourceType: input.source.type,
      sourceId: input.source.id ?? null,
      sourceDetailId: input.source.detailId ?? null,
      sourceNote: input.source.note || null,
      entityId: input.entityId ?? null,
      subjectName: input.subjectName || place.entityName,
      summary: input.summary.slice(0, 200),
      description: (input.description ?? '').slice(0, 5000),
      receivedOn: input.receivedOn,
      handlerId: input.handlerId ?? null,
      createdBy: ctx.actor.id || null,
    })
    .returning();
  await audit(tx, ctx, {
    action: 'clue.create',
    entityType: 'clue',
    entityId: row.id,
    jurisdictionId: row.jurisdictionId,
    summary: `登记线索（${CLUE_SOURCES[input.source.type]}）：${row.summary}`,
    after: row,
  });
  return { id: row.id };
}
