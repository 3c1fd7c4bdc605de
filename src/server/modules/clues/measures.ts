import { sql } from 'drizzle-orm';
import { MEASURES } from '../../../contracts/measures.js';
import type { Measure, MeasureFilter } from '../../core/extensions.js';
import { andUnitOfKinds, drillRows, inArea, inPeriod, perJurisdiction } from '../../core/measure-sql.js';

/**
 * Inside the filter's subtree; with entity kinds or a category, only clues about a unit of those
 * kinds (the category a unit's kind implies; a clue naming no unit has none).
 */
const inside = (jurisdiction: string, f: MeasureFilter) => sql`${inArea(sql.raw(jurisdiction), f)} ${andUnitOfKinds(sql`c.entity_id`, f)}`;

const LABEL = sql`c.summary`;

/** Measures over clues (seed 000's weekly summary: 发现线索, 移交线索). Clues know no campaign. */
export const clueMeasures: Measure[] = [
  {
    key: 'clues.found',
    ...MEASURES['clues.found'],
    definition:
      '期间内收到（发现）的线索条数，按收到日期计，各来源（监督检查、抽检、监测、投诉举报、舆情、移送、交办、协查、基层上报）合计，按线索所属辖区归集。可按单位类型、产品类别（由线索所涉单位的类型确定，未涉及单位的线索不计入）筛选。',
    compute: (db, f) =>
      perJurisdiction(
        db,
        sql`select c.jurisdiction_id, count(*)::int as n from clues c
            where ${inPeriod(sql`c.received_on`, f)} and ${inside('c.jurisdiction_id', f)}
            group by c.jurisdiction_id`,
      ),
    drill: (db, f, o) =>
      drillRows(
        db,
        sql`select 'clue' as type, c.id, ${LABEL} as label, c.received_on as date, c.jurisdiction_id, c.entity_id,
              e.name as entity_name, null::numeric as value
            from clues c left join entities e on e.id = c.entity_id
            where ${inPeriod(sql`c.received_on`, f)} and ${inside('c.jurisdiction_id', f)}`,
        o,
      ),
  },
  {
    key: 'clues.transferred',
    ...MEASURES['clues.transferred'],
    definition:
      '期间内移交卫健、医保、公安或其他地区、其他部门的线索件数，按移交日期计；同一线索多次移交计多件。可按单位类型、产品类别（由线索所涉单位的类型确定）筛选。',
    compute: (db, f) =>
      perJurisdiction(
        db,
        sql`select t.jurisdiction_id, count(*)::int as n from clue_transfers t join clues c on c.id = t.clue_id
            where ${inPeriod(sql`t.transferred_on`, f)} and ${inside('t.jurisdiction_id', f)}
            group by t.jurisdiction_id`,
      ),
    drill: (db, f, o) =>
      drillRows(
        db,
        sql`select 'clue' as type, c.id, ${LABEL} as label, t.transferred_on as date, t.jurisdiction_id, c.entity_id,
              e.name as entity_name, null::numeric as value
            from clue_transfers t join clues c on c.id = t.clue_id left join entities e on e.id = c.entity_id
            where ${inPeriod(sql`t.transferred_on`, f)} and ${inside('t.jurisdiction_id', f)}`,
        o,
      ),
  },
];
