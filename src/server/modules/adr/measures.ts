import { sql } from 'drizzle-orm';
import { MEASURES } from '../../../contracts/measures.js';
import type { Measure, MeasureFilter } from '../../core/extensions.js';
import { drillRows, inArea, inPeriod, perJurisdiction } from '../../core/measure-sql.js';

/** Category filter: 药品 = drug ADR reports, 医疗器械 = device adverse events, 化妆品 = none here. */
const ofCategory = (f: MeasureFilter) =>
  !f.category ? sql`true` : f.category === 'drug' ? sql`r.kind = 'drug'` : f.category === 'device' ? sql`r.kind = 'device'` : sql`false`;

function reportMeasure(key: 'adr.reports' | 'adr.serious', definition: string, extra = sql`true`): Measure {
  const where = (f: MeasureFilter) =>
    sql`${inPeriod(sql`r.reported_on`, f)} and ${inArea(sql`r.jurisdiction_id`, f)} and ${ofCategory(f)} and ${extra}`;
  return {
    key,
    ...MEASURES[key],
    definition,
    compute: (db, f) =>
      perJurisdiction(
        db,
        sql`select r.jurisdiction_id, count(*)::int as n from adr_reports r where ${where(f)} group by r.jurisdiction_id`,
      ),
    drill: (db, f, o) =>
      drillRows(
        db,
        sql`select 'adr_report' as type, r.id, r.report_code || ' ' || r.drug_name as label, r.reported_on as date, r.jurisdiction_id,
              r.entity_id, e.name as entity_name, null::numeric as value
            from adr_reports r left join entities e on e.id = r.entity_id where ${where(f)}`,
        o,
      ),
  };
}

/** Report measures over ADR reports (seed 001's 不良反应报告数). */
export const adrMeasures: Measure[] = [
  reportMeasure(
    'adr.reports',
    '期间内登记的药品不良反应和医疗器械不良事件报告份数，按报告日期计，按报告所属辖区归集；同一报告编码只计一份。产品类别“药品”只计药品不良反应报告，“医疗器械”只计医疗器械不良事件报告。',
  ),
  reportMeasure(
    'adr.serious',
    '期间内登记的严重药品不良反应和严重医疗器械不良事件报告份数（严重程度为“严重”，含死亡病例），按报告日期计，按报告所属辖区归集。',
    sql`r.seriousness = 'serious'`,
  ),
];
