import { sql, type SQL } from 'drizzle-orm';
import { MEASURES } from '../../../contracts/measures.js';
import type { Measure, MeasureFilter } from '../../core/extensions.js';
import { andKinds, drillRows, inArea, inPeriod, perJurisdiction } from '../../core/measure-sql.js';
import { CAMPAIGN, OFFICERS, summarised } from './summary.js';

/**
 * Done (signed) inspections inside the filter: the record's station in the subtree, its date in the
 * period, its unit of the admitted kinds (a category is implied by the unit's kind), and with a
 * campaign only those of that campaign (recorded for it, or a task of its plan). Alias `i`
 * (inspection), `e` (its unit).
 */
export const doneInside = (f: MeasureFilter) =>
  sql`i.status = 'done' and ${inPeriod(sql`i.date`, f)} and ${inArea(sql`i.jurisdiction_id`, f)} ${andKinds(sql`e.kind`, f)}
      ${f.campaignId ? sql`and ${CAMPAIGN} = ${f.campaignId}` : sql``}`;

const DONE = (f: MeasureFilter) => sql`inspections i join entities e on e.id = i.entity_id where ${doneInside(f)}`;
const HAS_FINDING = sql`exists (select 1 from inspection_findings f where f.inspection_id = i.id)`;
const LABEL = sql`coalesce(i.record_no, '监督检查')`;

/**
 * Units whose findings in the period are all rectified by its end: per (station, unit), the done
 * inspections of the period with ≥ 1 finding, the rectifications (责令改正) ordered at them — at
 * least one, and every one closed (销号) on or before the period's last day.
 */
const rectifiedPairs = (f: MeasureFilter) =>
  sql`select i.jurisdiction_id, i.entity_id, max(i.date) as last_date, max(i.id) as last_id
      from ${DONE(f)} and ${HAS_FINDING}
      and exists (select 1 from rectifications r where r.inspection_id = i.id)
      group by i.jurisdiction_id, i.entity_id
      having bool_and(not exists (select 1 from rectifications r where r.inspection_id = i.id
        and not (r.status = 'closed' and (r.closed_at at time zone 'Asia/Shanghai')::date <= ${f.to}::date)))`;

/** One drill row per (station, unit): its latest inspection meeting `extra`. */
const latestPerUnit = (f: MeasureFilter, extra: SQL) =>
  sql`select distinct on (i.jurisdiction_id, i.entity_id) 'inspection' as type, i.id, ${LABEL} as label, i.date,
        i.jurisdiction_id, i.entity_id, e.name as entity_name, null::numeric as value
      from ${DONE(f)} ${extra}
      order by i.jurisdiction_id, i.entity_id, i.date desc, i.id desc`;

/**
 * Measures over inspection records (report columns refer to them by key). `compute` answers from the
 * maintained summaries (summary.ts) where they apply and from the raw rows otherwise; the raw SQL
 * here is the definition, and the summaries are proven equal to it (summaries.property.test.ts).
 */
export const inspectionMeasures: Measure[] = [
  {
    key: 'inspections.units',
    ...MEASURES['inspections.units'],
    definition:
      '期间内有已完成（已签名）检查记录的不同监管对象数，按检查记录所属监管所归集；同一单位多次检查计1家。可按单位类型、产品类别（由单位类型确定）、专项行动（检查记录所属行动或其计划所属行动）筛选。',
    ...summarised('inspections.units', (db, f) =>
      perJurisdiction(db, sql`select i.jurisdiction_id, count(distinct i.entity_id)::int as n from ${DONE(f)} group by i.jurisdiction_id`),
    ),
    drill: (db, f, o) => drillRows(db, latestPerUnit(f, sql``), o),
  },
  {
    key: 'inspections.visits',
    ...MEASURES['inspections.visits'],
    definition: '期间内已完成（已签名）的检查记录条数，同一单位每检查一次计1家次。可按单位类型、产品类别、专项行动筛选。',
    ...summarised('inspections.visits', (db, f) =>
      perJurisdiction(db, sql`select i.jurisdiction_id, count(*)::int as n from ${DONE(f)} group by i.jurisdiction_id`),
    ),
    drill: (db, f, o) =>
      drillRows(
        db,
        sql`select 'inspection' as type, i.id, ${LABEL} as label, i.date, i.jurisdiction_id, i.entity_id, e.name as entity_name,
              null::numeric as value from ${DONE(f)}`,
        o,
      ),
  },
  {
    key: 'inspections.violationUnits',
    ...MEASURES['inspections.violationUnits'],
    definition:
      '期间内已完成（已签名）检查中发现问题（≥1项）的不同监管对象数，按检查记录所属监管所归集；同一单位多次发现问题计1家。可按单位类型、产品类别、专项行动筛选。',
    ...summarised('inspections.violationUnits', (db, f) =>
      perJurisdiction(
        db,
        sql`select i.jurisdiction_id, count(distinct i.entity_id)::int as n from ${DONE(f)} and ${HAS_FINDING} group by i.jurisdiction_id`,
      ),
    ),
    drill: (db, f, o) => drillRows(db, latestPerUnit(f, sql`and ${HAS_FINDING}`), o),
  },
  {
    key: 'inspections.rectifiedUnits',
    ...MEASURES['inspections.rectifiedUnits'],
    definition:
      '期间内已完成检查中发现问题并责令整改的监管对象中，这些检查下达的整改（至少1项）截至期末全部复查销号的单位数，按检查记录所属监管所归集；期末仍有未销号整改的不计。可按单位类型、产品类别、专项行动筛选。',
    ...summarised('inspections.rectifiedUnits', (db, f) =>
      perJurisdiction(db, sql`select jurisdiction_id, count(*)::int as n from (${rectifiedPairs(f)}) x group by jurisdiction_id`),
    ),
    drill: (db, f, o) =>
      drillRows(
        db,
        sql`select 'inspection' as type, i.id, ${LABEL} as label, i.date, i.jurisdiction_id, i.entity_id, e.name as entity_name,
              null::numeric as value
            from (${rectifiedPairs(f)}) x join inspections i on i.id = (
              select i2.id from inspections i2 where i2.entity_id = x.entity_id and i2.jurisdiction_id = x.jurisdiction_id
                and i2.status = 'done' and i2.date = x.last_date order by i2.id desc limit 1)
            join entities e on e.id = i.entity_id`,
        o,
      ),
  },
  {
    key: 'inspections.findings',
    ...MEASURES['inspections.findings'],
    definition:
      '期间内已完成（已签名）检查记录的问题（不符合项及检查中发现的其他问题）条数，按检查记录所属监管所归集。可按单位类型、产品类别、专项行动筛选。',
    ...summarised('inspections.findings', (db, f) =>
      perJurisdiction(
        db,
        sql`select i.jurisdiction_id, count(*)::int as n from inspection_findings fi join inspections i on i.id = fi.inspection_id
            join entities e on e.id = i.entity_id where ${doneInside(f)} group by i.jurisdiction_id`,
      ),
    ),
    drill: (db, f, o) =>
      drillRows(
        db,
        sql`select 'inspection' as type, i.id, left(fi.description, 60) as label, i.date, i.jurisdiction_id, i.entity_id,
              e.name as entity_name, null::numeric as value
            from inspection_findings fi join inspections i on i.id = fi.inspection_id join entities e on e.id = i.entity_id
            where ${doneInside(f)}`,
        o,
      ),
  },
  {
    key: 'inspections.officers',
    ...MEASURES['inspections.officers'],
    definition:
      '期间内已完成（已签名）检查记录出动执法人员人数之和（每条记录按填写的出动人数计，未填写的按记录上的检查人员数计），单位人次。可按单位类型、产品类别、专项行动筛选。',
    ...summarised('inspections.officers', (db, f) =>
      perJurisdiction(db, sql`select i.jurisdiction_id, sum(${OFFICERS})::int as n from ${DONE(f)} group by i.jurisdiction_id`),
    ),
    drill: (db, f, o) =>
      drillRows(
        db,
        sql`select 'inspection' as type, i.id, ${LABEL} as label, i.date, i.jurisdiction_id, i.entity_id, e.name as entity_name,
              (${OFFICERS})::numeric as value from ${DONE(f)}`,
        o,
      ),
  },
];
