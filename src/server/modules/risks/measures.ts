import { sql, type SQL } from 'drizzle-orm';
import { MEASURES } from '../../../contracts/measures.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Measure, MeasureFilter } from '../../core/extensions.js';
import { rows } from '../../core/sql.js';

/** The record's jurisdiction lies in the filter's subtree. */
const inArea = (col: SQL, f: MeasureFilter) => sql`${col} = any(array(select id from jurisdictions where path like ${f.path + '%'}))`;

/** Only records concerning units of the filter's kinds (`units`: a units table keyed by `key` = the record's id). */
const ofKinds = (units: string, key: string, id: SQL, f: MeasureFilter) =>
  f.entityKinds?.length
    ? sql`and exists (select 1 from ${sql.raw(units)} x join entities e on e.id = x.entity_id where x.${sql.raw(key)} = ${id} and e.kind in (${sql.join(
        f.entityKinds.map((k) => sql`${k}`),
        sql`, `,
      )}))`
    : sql``;

async function perJurisdiction(db: DbOrTx, query: SQL) {
  const list = await rows<{ jurisdiction_id: number; n: number }>(db, query);
  return new Map(list.map((r) => [r.jurisdiction_id, Number(r.n)]));
}

const between = (col: SQL, f: MeasureFilter) => sql`${col} between ${f.from}::date and ${f.to}::date`;

/**
 * 附件3 of seed 003: 发现风险隐患数 / 销号数, 共性风险隐患, 召开风险会商次数 / 研究风险会商事项数, per the
 * jurisdiction that holds the record (a station, or the bureau's or city's own level). "Own level" is
 * the value at the jurisdiction itself; "the counties below" is the sum over its subtree without it.
 * Risks and meetings know no campaign, so a campaign filter does not narrow them.
 */
export const riskMeasures: Measure[] = [
  {
    key: 'risks.found',
    ...MEASURES['risks.found'],
    definition: '期间内发现（登记）的风险隐患条数，按风险清单所属单位归集；与共性风险隐患分别计数。',
    compute: (db, f) =>
      perJurisdiction(
        db,
        sql`select r.jurisdiction_id, count(*)::int as n from risks r
            where ${between(sql`r.found_on`, f)} and ${inArea(sql`r.jurisdiction_id`, f)} ${ofKinds('risk_entities', 'risk_id', sql`r.id`, f)}
            group by r.jurisdiction_id`,
      ),
  },
  {
    key: 'risks.closed',
    ...MEASURES['risks.closed'],
    definition: '期间内验收销号的风险隐患条数（以销号日期计；重新打开后再次销号的以最后一次为准）。',
    compute: (db, f) =>
      perJurisdiction(
        db,
        sql`select r.jurisdiction_id, count(*)::int as n from risks r
            where r.status = 'closed' and ${between(sql`r.closed_on`, f)} and ${inArea(sql`r.jurisdiction_id`, f)} ${ofKinds('risk_entities', 'risk_id', sql`r.id`, f)}
            group by r.jurisdiction_id`,
      ),
  },
  {
    key: 'risks.common',
    ...MEASURES['risks.common'],
    definition: '期间内登记的共性风险隐患（普遍性、多发性问题经分析研判形成）条数。',
    compute: (db, f) =>
      perJurisdiction(
        db,
        sql`select c.jurisdiction_id, count(*)::int as n from common_risks c
            where ${between(sql`(c.created_at at time zone 'Asia/Shanghai')::date`, f)} and ${inArea(sql`c.jurisdiction_id`, f)}
            ${ofKinds('common_risk_entities', 'common_risk_id', sql`c.id`, f)}
            group by c.jurisdiction_id`,
      ),
  },
  {
    key: 'consultations.held',
    ...MEASURES['consultations.held'],
    definition: '期间内召开的风险会商次数（不含案件会商），按召开单位归集：本级为该单位自身的数，所辖下级为其下各单位之和。',
    compute: (db, f) =>
      perJurisdiction(
        db,
        sql`select c.jurisdiction_id, count(*)::int as n from consultations c
            where c.kind = 'risk' and ${between(sql`c.held_on`, f)} and ${inArea(sql`c.jurisdiction_id`, f)}
            group by c.jurisdiction_id`,
      ),
  },
  {
    key: 'consultations.items',
    ...MEASURES['consultations.items'],
    definition: '期间内风险会商研究的事项数（每次会商逐项计），按召开单位归集。',
    compute: (db, f) =>
      perJurisdiction(
        db,
        sql`select c.jurisdiction_id, count(i.id)::int as n from consultations c join consultation_items i on i.consultation_id = c.id
            where c.kind = 'risk' and ${between(sql`c.held_on`, f)} and ${inArea(sql`c.jurisdiction_id`, f)}
            group by c.jurisdiction_id`,
      ),
  },
];
