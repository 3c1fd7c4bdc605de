import { sql, type SQL } from 'drizzle-orm';
import { MEASURES } from '../../../contracts/measures.js';
import type { Measure, MeasureFilter } from '../../core/extensions.js';
import { rows } from '../../core/sql.js';
import { COUNTED } from './workflow.js';

const kinds = (f: MeasureFilter) =>
  f.entityKinds?.length
    ? sql`and e.kind in (${sql.join(
        f.entityKinds.map((k) => sql`${k}`),
        sql`, `,
      )})`
    : sql``;
const inArea = (f: MeasureFilter) => sql`s.jurisdiction_id = any(array(select id from jurisdictions where path like ${f.path + '%'}))`;

async function perStation(db: Parameters<Measure['compute']>[0], q: SQL) {
  const list = await rows<{ jurisdiction_id: number; n: number }>(db, q);
  return new Map(list.map((r) => [r.jurisdiction_id, Number(r.n)]));
}

/**
 * Measures over sampling records. Sampling records belong to no campaign: a campaign filter does
 * not narrow them (its period does).
 */
export const samplingMeasures: Measure[] = [
  {
    key: 'sampling.batches',
    ...MEASURES['sampling.batches'],
    definition:
      '期间内抽样日期落在期间内、未撤销的抽样记录数（每条抽样记录计1批次，含国家、省（市）、县（区）各级抽检），按被抽样单位所属监管所归集。',
    compute: (db, f) =>
      perStation(
        db,
        sql`select s.jurisdiction_id, count(*)::int as n from sampling_records s join entities e on e.id = s.entity_id
            where s.status in ${sql.raw(COUNTED)} and s.sampled_on between ${f.from}::date and ${f.to}::date and ${inArea(f)} ${kinds(f)}
            group by s.jurisdiction_id`,
      ),
  },
  {
    key: 'sampling.unqualified',
    ...MEASURES['sampling.unqualified'],
    definition: '检验报告日期落在期间内、检验结论为不合格的抽样记录数（每条计1批次），按被抽样单位所属监管所归集。',
    compute: (db, f) =>
      perStation(
        db,
        sql`select s.jurisdiction_id, count(*)::int as n from sampling_results r join sampling_records s on s.id = r.record_id join entities e on e.id = s.entity_id
            where r.verdict = 'unqualified' and r.report_date between ${f.from}::date and ${f.to}::date and ${inArea(f)} ${kinds(f)}
            group by s.jurisdiction_id`,
      ),
  },
];
