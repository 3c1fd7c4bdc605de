import { sql } from 'drizzle-orm';
import type { ListSamplingRecordsQuery } from '../../../../contracts/sampling.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { recordFilter } from '../list-query.js';
import { listItemOf, RECORD_COLUMNS, RECORD_FROM, type RecordRow } from '../presenter.js';

/** Sampling records of the caller's area, newest first, filtered by state, year, plan, unit or text. */
export async function listSamplingRecords(ctx: Ctx, q: ListSamplingRecordsQuery) {
  const { page, pageSize } = q;
  const where = recordFilter(ctx, q);
  const [{ total }] = await rows<{ total: number }>(ctx.db, sql`select count(*)::int as total from ${RECORD_FROM} where ${where}`);
  const list = await rows<RecordRow>(
    ctx.db,
    sql`select ${RECORD_COLUMNS} from ${RECORD_FROM} where ${where} order by s.sampled_on desc, s.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  return { items: list.map(listItemOf), total: Number(total), page, pageSize };
}
