import { sql, type SQL } from 'drizzle-orm';
import type { ClueTransfer, TransferStatus, TransferTarget } from '../../../../contracts/clues.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { presentTransfers, TRANSFER_COLUMNS, TRANSFER_FROM, type TransferRow } from '../presenter.js';
import { areaOf } from '../queries.js';

export interface ListTransfersQuery {
  status?: TransferStatus;
  target?: TransferTarget;
  page: number;
  pageSize: number;
}

/** Transfers (移交) of the caller's area, newest first. */
export async function listTransfers(ctx: Ctx, q: ListTransfersQuery) {
  const conds: SQL[] = [areaOf(ctx.actor, 't')];
  if (q.status) conds.push(sql`t.status = ${q.status}`);
  if (q.target) conds.push(sql`t.target = ${q.target}`);
  const where = sql.join(conds, sql` and `);
  const [[{ n }], list] = await Promise.all([
    rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from clue_transfers t where ${where}`),
    rows<TransferRow>(
      ctx.db,
      sql`select ${TRANSFER_COLUMNS} from ${TRANSFER_FROM} where ${where} order by t.transferred_on desc, t.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    ),
  ]);
  const items: ClueTransfer[] = await presentTransfers(ctx.db, ctx.actor, list);
  return { items, total: Number(n), page: q.page, pageSize: q.pageSize };
}
