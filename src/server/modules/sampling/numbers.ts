import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { rows } from '../../core/sql.js';

/** 抽样〔2026〕0012号 */
export const samplingNumberText = (year: number, n: number) => `抽样〔${year}〕${String(n).padStart(4, '0')}号`;

/**
 * The next 抽样单编号 of a bureau in a year: one `INSERT … ON CONFLICT DO UPDATE … RETURNING` in
 * the caller's transaction, so concurrent recorders queue on the counter row and each gets its own
 * number, and a rolled-back record gives its number back. (core/documents' allocateNumber counts
 * 文书 per issuing org unit and needs a 发文机关代字 and a template kind; a sampling form is numbered
 * per bureau whoever records it, so it keeps its own counter.)
 */
export async function allocateSamplingNumber(tx: Tx, bureauId: number, year: number) {
  const [r] = await rows<{ last_number: number }>(
    tx,
    sql`insert into sampling_numbers (bureau_id, year, last_number) values (${bureauId}, ${year}, 1)
        on conflict (bureau_id, year) do update set last_number = sampling_numbers.last_number + 1 returning last_number`,
  );
  const seq = Number(r.last_number);
  return { seq, text: samplingNumberText(year, seq) };
}
