import { sql, type SQL } from 'drizzle-orm';
import { MEASURES } from '../../../contracts/measures.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Measure, MeasureFilter } from '../../core/extensions.js';
import { admittedKinds, andCategory, drillRows, inArea, inPeriod, perJurisdiction } from '../../core/measure-sql.js';

/**
 * Only records concerning units of the admitted kinds (`units`: a units table keyed by `key` = the
 * record's id). A category filter is answered by the record's own category (`andCategory`), not here.
 */
const ofKinds = (units: string, key: string, id: SQL, f: MeasureFilter) => {
  const kinds = admittedKinds({ entityKinds: f.entityKinds });
  if (!kinds) return sql``;
  return sql`and exists (select 1 from ${sql.raw(units)} x join entities e on e.id = x.entity_id where x.${sql.raw(key)} = ${id} and e.kind in (${sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  )}))`;
};

/** Records of the filter (area, kinds, category), alias `r` for risks and `c` for common risks. */
const riskWhere = (f: MeasureFilter, date: SQL) =>
  sql`${inPeriod(date, f)} and ${inArea(sql`r.jurisdiction_id`, f)} ${ofKinds('risk_entities', 'risk_id', sql`r.id`, f)} ${andCategory(sql`r.category`, f)}`;
const COMMON_ON = sql`(c.created_at at time zone 'Asia/Shanghai')::date`;
const commonWhere = (f: MeasureFilter) =>
  sql`${inPeriod(COMMON_ON, f)} and ${inArea(sql`c.jurisdiction_id`, f)}
      ${ofKinds('common_risk_entities', 'common_risk_id', sql`c.id`, f)} ${andCategory(sql`c.category`, f)}`;
const meetingWhere = (f: MeasureFilter) => sql`c.kind = 'risk' and ${inPeriod(sql`c.held_on`, f)} and ${inArea(sql`c.jurisdiction_id`, f)}`;

const riskRows = (f: MeasureFilter, date: SQL, extra: SQL = sql``) =>
  sql`select 'risk' as type, r.id, r.title as label, ${date} as date, r.jurisdiction_id, null::int as entity_id,
        null::text as entity_name, null::numeric as value from risks r where ${riskWhere(f, date)} ${extra}`;

const count = (db: DbOrTx, q: SQL) => perJurisdiction(db, q);

/**
 * 附件3 of seed 003: 发现风险隐患数 / 销号数, 共性风险隐患, 召开风险会商次数 / 研究风险会商事项数, per the
 * jurisdiction that holds the record (a station, or the bureau's or city's own level). "Own level" is
 * the value at the jurisdiction itself; "the counties below" is the sum over its subtree without it.
 * Risks and meetings know no campaign (a campaign filter is not honoured); risks and common risks
 * carry their product category; meetings concern no unit or category (no filter but area and period).
 */
export const riskMeasures: Measure[] = [
  {
    key: 'risks.found',
    ...MEASURES['risks.found'],
    definition:
      '期间内发现（登记）的风险隐患条数，按风险清单所属单位归集；与共性风险隐患分别计数。可按单位类型（风险所涉单位）、产品类别（风险登记的类别）筛选。',
    compute: (db, f) =>
      count(
        db,
        sql`select r.jurisdiction_id, count(*)::int as n from risks r where ${riskWhere(f, sql`r.found_on`)} group by r.jurisdiction_id`,
      ),
    drill: (db, f, o) => drillRows(db, riskRows(f, sql`r.found_on`), o),
  },
  {
    key: 'risks.closed',
    ...MEASURES['risks.closed'],
    definition:
      '期间内验收销号的风险隐患条数（以销号日期计；重新打开后再次销号的以最后一次为准）。可按单位类型（风险所涉单位）、产品类别（风险登记的类别）筛选。',
    compute: (db, f) =>
      count(
        db,
        sql`select r.jurisdiction_id, count(*)::int as n from risks r
            where r.status = 'closed' and ${riskWhere(f, sql`r.closed_on`)} group by r.jurisdiction_id`,
      ),
    drill: (db, f, o) => drillRows(db, riskRows(f, sql`r.closed_on`, sql`and r.status = 'closed'`), o),
  },
  {
    key: 'risks.common',
    ...MEASURES['risks.common'],
    definition:
      '期间内登记的共性风险隐患（普遍性、多发性问题经分析研判形成）条数，以登记日期计。可按单位类型（所涉单位）、产品类别（登记的类别）筛选。',
    compute: (db, f) =>
      count(db, sql`select c.jurisdiction_id, count(*)::int as n from common_risks c where ${commonWhere(f)} group by c.jurisdiction_id`),
    drill: (db, f, o) =>
      drillRows(
        db,
        sql`select 'commonRisk' as type, c.id, c.title as label, ${COMMON_ON} as date, c.jurisdiction_id, null::int as entity_id,
              null::text as entity_name, null::numeric as value from common_risks c where ${commonWhere(f)}`,
        o,
      ),
  },
  {
    key: 'consultations.held',
    ...MEASURES['consultations.held'],
    definition:
      '期间内召开的风险会商次数（不含案件会商），按召开单位归集：本级为该单位自身的数，所辖下级为其下各单位之和。不按单位类型、产品类别、专项行动筛选。',
    compute: (db, f) =>
      count(db, sql`select c.jurisdiction_id, count(*)::int as n from consultations c where ${meetingWhere(f)} group by c.jurisdiction_id`),
    drill: (db, f, o) =>
      drillRows(
        db,
        sql`select 'consultation' as type, c.id, c.host as label, c.held_on as date, c.jurisdiction_id, null::int as entity_id,
              null::text as entity_name, null::numeric as value from consultations c where ${meetingWhere(f)}`,
        o,
      ),
  },
  {
    key: 'consultations.items',
    ...MEASURES['consultations.items'],
    definition: '期间内风险会商研究的事项数（每次会商逐项计），按召开单位归集。不按单位类型、产品类别、专项行动筛选。',
    compute: (db, f) =>
      count(
        db,
        sql`select c.jurisdiction_id, count(i.id)::int as n from consultations c join consultation_items i on i.consultation_id = c.id
            where ${meetingWhere(f)} group by c.jurisdiction_id`,
      ),
    drill: (db, f, o) =>
      drillRows(
        db,
        sql`select 'consultation' as type, c.id, left(i.topic, 60) as label, c.held_on as date, c.jurisdiction_id, null::int as entity_id,
              null::text as entity_name, null::numeric as value
            from consultations c join consultation_items i on i.consultation_id = c.id where ${meetingWhere(f)}`,
        o,
      ),
  },
];
