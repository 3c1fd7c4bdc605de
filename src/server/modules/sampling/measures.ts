import { sql, type SQL } from 'drizzle-orm';
import { MEASURES } from '../../../contracts/measures.js';
import type { Measure, MeasureFilter } from '../../core/extensions.js';
import { andCategory, andKinds, drillRows, inArea, inPeriod, perJurisdiction } from '../../core/measure-sql.js';
import { COUNTED } from './workflow.js';

/** Sampling records store the cosmetics category as `cosmetic`. */
const SPELLING = { cosmetics: 'cosmetic' } as const;

/** Records of the filter's area, unit kinds and product category (the record's own), alias `s`/`e`. */
const inside = (f: MeasureFilter) =>
  sql`${inArea(sql`s.jurisdiction_id`, f)} ${andKinds(sql`e.kind`, f)} ${andCategory(sql`s.category`, f, SPELLING)}`;
const BATCHES = (f: MeasureFilter) =>
  sql`sampling_records s join entities e on e.id = s.entity_id
      where s.status in ${sql.raw(COUNTED)} and ${inPeriod(sql`s.sampled_on`, f)} and ${inside(f)}`;
const UNQUALIFIED = (f: MeasureFilter) =>
  sql`sampling_results r join sampling_records s on s.id = r.record_id join entities e on e.id = s.entity_id
      where r.verdict = 'unqualified' and ${inPeriod(sql`r.report_date`, f)} and ${inside(f)}`;
const rowsOf = (from: SQL, date: SQL) =>
  sql`select 'sampling' as type, s.id, s.number || ' ' || s.product_name as label, ${date} as date, s.jurisdiction_id, s.entity_id,
        e.name as entity_name, null::numeric as value from ${from}`;

/**
 * Measures over sampling records. Sampling records belong to no campaign: a campaign filter is not
 * honoured (its period is). The category is the record's own product category.
 */
export const samplingMeasures: Measure[] = [
  {
    key: 'sampling.batches',
    ...MEASURES['sampling.batches'],
    definition:
      '期间内抽样日期落在期间内、未撤销的抽样记录数（每条抽样记录计1批次，含国家、省（市）、县（区）各级抽检），按被抽样单位所属监管所归集。可按单位类型、产品类别（抽样记录的类别）筛选。',
    compute: (db, f) =>
      perJurisdiction(db, sql`select s.jurisdiction_id, count(*)::int as n from ${BATCHES(f)} group by s.jurisdiction_id`),
    drill: (db, f, o) => drillRows(db, rowsOf(BATCHES(f), sql`s.sampled_on`), o),
  },
  {
    key: 'sampling.unqualified',
    ...MEASURES['sampling.unqualified'],
    definition:
      '检验报告日期落在期间内、检验结论为不合格的抽样记录数（每条计1批次），按被抽样单位所属监管所归集。可按单位类型、产品类别（抽样记录的类别）筛选。',
    compute: (db, f) =>
      perJurisdiction(db, sql`select s.jurisdiction_id, count(*)::int as n from ${UNQUALIFIED(f)} group by s.jurisdiction_id`),
    drill: (db, f, o) => drillRows(db, rowsOf(UNQUALIFIED(f), sql`r.report_date`), o),
  },
];
