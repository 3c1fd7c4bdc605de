import { sql, type SQL } from 'drizzle-orm';
import { MEASURES } from '../../../contracts/measures.js';
import type { Measure, MeasureFilter } from '../../core/extensions.js';
import { andKinds, drillRows, inArea, inPeriod, perJurisdiction } from '../../core/measure-sql.js';
import { CLOSED, FINES, REVOKES } from './measure-sql.js';
import { summarised } from './summary.js';

/**
 * Cases of the filter's area, unit kinds (a category is implied by the unit's kind) and campaign,
 * with `dateCol` inside the period. Alias `c` (case), `e` (its unit).
 */
export const inside = (f: MeasureFilter, dateCol: SQL) =>
  sql`${inPeriod(dateCol, f)} and ${inArea(sql`c.jurisdiction_id`, f)} ${andKinds(sql`e.kind`, f)}
      ${f.campaignId ? sql`and c.campaign_id = ${f.campaignId}` : sql``}`;

const CASES = sql`cases c join entities e on e.id = c.entity_id`;
const LABEL = sql`coalesce(c.case_no, c.violation_label)`;

const count = (f: MeasureFilter, dateCol: SQL, extra: SQL = sql``) =>
  sql`select c.jurisdiction_id, count(*)::int as n from ${CASES} where ${inside(f, dateCol)} ${extra} group by c.jurisdiction_id`;

const caseRows = (f: MeasureFilter, dateCol: SQL, extra: SQL = sql``, value: SQL = sql`null::numeric`) =>
  sql`select 'case' as type, c.id, ${LABEL} as label, ${dateCol} as date, c.jurisdiction_id, c.entity_id, e.name as entity_name,
        ${value} as value from ${CASES} where ${inside(f, dateCol)} ${extra}`;

const REFERRED = sql`case_referrals r join cases c on c.id = r.case_id join entities e on e.id = c.entity_id`;
const SENT_ON = sql`(r.sent_at at time zone 'Asia/Shanghai')::date`;

/**
 * Case measures (seed 004 附件1 columns 已立案查处数量, 罚没款金额, 吊销许可证数量, 移送公安机关案件数量;
 * seed 000's weekly 立案/查处; 结案). A credit indicator later counts 行政处罚次数 as `cases.decided` per
 * unit (decided_on set, 不予处罚 and 撤销 excluded). `compute` answers from the maintained summaries
 * (summary.ts) where they apply, else from the raw SQL here, which is the definition.
 */
export const caseMeasures: Measure[] = [
  {
    key: 'cases.filed',
    ...MEASURES['cases.filed'],
    definition:
      '期间内立案的案件数（简易程序以登记日、普通程序以负责人批准立案日为立案日期），按案件当事人所属监管所归集；不予立案的不计。可按单位类型、产品类别（由单位类型确定）、专项行动筛选。',
    ...summarised('cases.filed', (db, f) => perJurisdiction(db, count(f, sql`c.filed_on`))),
    drill: (db, f, o) => drillRows(db, caseRows(f, sql`c.filed_on`), o),
  },
  {
    key: 'cases.decided',
    ...MEASURES['cases.decided'],
    definition: '期间内作出行政处罚决定的案件数（以决定日期计）；不予处罚、撤销立案的不计。可按单位类型、产品类别、专项行动筛选。',
    ...summarised('cases.decided', (db, f) => perJurisdiction(db, count(f, sql`c.decided_on`))),
    drill: (db, f, o) => drillRows(db, caseRows(f, sql`c.decided_on`), o),
  },
  {
    key: 'cases.fines',
    ...MEASURES['cases.fines'],
    definition:
      '期间内作出的行政处罚决定中的罚没款：罚款与没收违法所得之和（含处罚到人的罚款和没收收入；没收物品不计价），单位元；按决定日期计。可按单位类型、产品类别、专项行动筛选。',
    ...summarised('cases.fines', (db, f) =>
      perJurisdiction(
        db,
        sql`select c.jurisdiction_id, sum(${FINES}) as n from ${CASES} where ${inside(f, sql`c.decided_on`)} group by c.jurisdiction_id`,
      ),
    ),
    drill: (db, f, o) => drillRows(db, caseRows(f, sql`c.decided_on`, sql``, FINES), o),
  },
  {
    key: 'cases.referred',
    ...MEASURES['cases.referred'],
    definition: '期间内经负责人批准并实际移送公安机关的案件数（以移送时间的北京日期计）。可按单位类型、产品类别、专项行动筛选。',
    ...summarised('cases.referred', (db, f) =>
      perJurisdiction(
        db,
        sql`select c.jurisdiction_id, count(*)::int as n from ${REFERRED} where ${inside(f, SENT_ON)} group by c.jurisdiction_id`,
      ),
    ),
    drill: (db, f, o) =>
      drillRows(
        db,
        sql`select 'case' as type, c.id, coalesce(r.number, ${LABEL}) as label, ${SENT_ON} as date, c.jurisdiction_id, c.entity_id,
              e.name as entity_name, null::numeric as value from ${REFERRED} where ${inside(f, SENT_ON)}`,
        o,
      ),
  },
  {
    key: 'cases.revokedUnits',
    ...MEASURES['cases.revokedUnits'],
    definition:
      '期间内作出的行政处罚决定中含吊销许可证件的不同当事单位数（以决定日期计），按案件所属监管所归集；同一单位多次计1家。可按单位类型、产品类别、专项行动筛选。',
    ...summarised('cases.revokedUnits', (db, f) =>
      perJurisdiction(
        db,
        sql`select c.jurisdiction_id, count(distinct c.entity_id)::int as n from ${CASES}
            where ${inside(f, sql`c.decided_on`)} and ${REVOKES} group by c.jurisdiction_id`,
      ),
    ),
    drill: (db, f, o) =>
      drillRows(
        db,
        sql`select distinct on (c.jurisdiction_id, c.entity_id) 'case' as type, c.id, ${LABEL} as label, c.decided_on as date,
              c.jurisdiction_id, c.entity_id, e.name as entity_name, null::numeric as value
            from ${CASES} where ${inside(f, sql`c.decided_on`)} and ${REVOKES}
            order by c.jurisdiction_id, c.entity_id, c.decided_on desc, c.id desc`,
        o,
      ),
  },
  {
    key: 'cases.closed',
    ...MEASURES['cases.closed'],
    definition:
      '期间内结案的案件数（执行完毕后结案，或作出不予处罚决定结案；以结案日期计）；撤销立案、不予立案的不计。可按单位类型、产品类别、专项行动筛选。',
    ...summarised('cases.closed', (db, f) => perJurisdiction(db, count(f, sql`c.closed_on`, sql`and ${CLOSED}`))),
    drill: (db, f, o) => drillRows(db, caseRows(f, sql`c.closed_on`, sql`and ${CLOSED}`), o),
  },
];
