import { sql } from 'drizzle-orm';
import type { AssistRequest } from '../../../../contracts/clues.js';
import type { DbOrTx } from '../../../../db/client.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { ASSIST_COLUMNS, ASSIST_FROM, presentAssist } from '../presenter.js';
import { visibleRow } from '../queries.js';

/** One assist request (协查函) the caller may see, else 404. */
export async function getAssist(ctx: Pick<Ctx, 'db' | 'actor'>, id: number, db: DbOrTx = ctx.db): Promise<AssistRequest> {
  await visibleRow(db, ctx.actor, 'assist_requests', id, '协查函');
  const [a] = await rows(db, sql`select ${ASSIST_COLUMNS} from ${ASSIST_FROM} where a.id = ${id}`);
  return presentAssist(ctx.actor, a);
}
