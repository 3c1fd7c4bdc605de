import { eq, sql } from 'drizzle-orm';
import type { ClueTransfer, TransferStatus } from '../../../../contracts/clues.js';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { DbOrTx } from '../../../../db/client.js';
import { clueTransfers } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { assertVersion } from '../../../core/versions.js';
import { rows } from '../../../core/sql.js';
import { presentTransfers, TRANSFER_COLUMNS, TRANSFER_FROM, type TransferRow } from '../presenter.js';
import { visibleRow } from '../queries.js';
import { transferWorkflow } from '../workflow.js';

async function presentOne(db: DbOrTx, ctx: Ctx, id: number) {
  const list = await rows<TransferRow>(db, sql`select ${TRANSFER_COLUMNS} from ${TRANSFER_FROM} where t.id = ${id}`);
  return (await presentTransfers(db, ctx.actor, list))[0];
}

/** 登记回执: the receiving body's receipt of a transfer (date, note; the receipt's scan is uploaded as a file). */
export async function receiptTransfer(
  ctx: Ctx,
  id: number,
  input: { receiptOn: string; note?: string | null; version: number },
): Promise<ClueTransfer> {
  await visibleRow(ctx.db, ctx.actor, 'clue_transfers', id, '移交记录');
  if (input.receiptOn > shanghaiToday()) throw invalid('回执日期不能晚于今天', [{ path: 'receiptOn', message: '不能晚于今天' }]);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(clueTransfers).where(eq(clueTransfers.id, id)).for('update');
    await assertVersion(before.version, input.version, () => presentOne(tx, ctx, id));
    if (input.receiptOn < before.transferredOn)
      throw invalid('回执日期不能早于移交日期', [{ path: 'receiptOn', message: '不能早于移交日期' }]);
    await transferWorkflow.apply(tx, ctx, {
      action: 'receipt',
      state: before.status as TransferStatus,
      change: async (to) =>
        (
          await tx
            .update(clueTransfers)
            .set({
              status: to,
              receiptOn: input.receiptOn,
              receiptNote: input.note || null,
              updatedAt: new Date(),
              version: sql`${clueTransfers.version} + 1`,
            })
            .where(eq(clueTransfers.id, id))
            .returning()
        )[0],
      audit: {
        action: 'clue_transfer.receipt',
        entityType: 'clue_transfer',
        entityId: id,
        jurisdictionId: before.jurisdictionId,
        summary: `登记移交回执：${before.receivingBody}（${input.receiptOn}）`,
        before: { status: before.status },
        after: (row) => ({ status: row.status, receiptOn: row.receiptOn }),
      },
    });
  });
  return presentOne(ctx.db, ctx, id);
}
