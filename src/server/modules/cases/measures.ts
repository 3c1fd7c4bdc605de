import { sql, type SQL } from 'drizzle-orm';
import { MEASURES } from '../../../contracts/measures.js';
import type { Measure, MeasureFilter } from '../../core/extensions.js';
import { rows } from '../../core/sql.js';

/** Cases of the filter's area, unit kinds and campaign, with `dateCol` inside the period. */
const inside = (f: MeasureFilter, dateCol: SQL) =>
  sql`${dateCol} between ${f.from}::date and ${f.to}::date
      and c.jurisdiction_id = any(array(select id from jurisdictions where path like ${f.path + '%'}))
      ${
        f.entityKinds?.length
          ? sql`and e.kind in (${sql.join(
              f.entityKinds.map((k) => sql`${k}`),
              sql`, `,
            )})`
          : sql``
      }
      ${f.campaignId ? sql`and c.campaign_id = ${f.campaignId}` : sql``}`;

async function perStation(db: Parameters<Measure['compute']>[0], value: SQL, from: SQL, where: SQL) {
  const list = await rows<{ jurisdiction_id: number; n: string | number }>(
    db,
    sql`select c.jurisdiction_id, ${value} as n from ${from} join entities e on e.id = c.entity_id where ${where} group by c.jurisdiction_id`,
  );
  return new Map(list.map((r) => [r.jurisdiction_id, Number(r.n)]));
}

/** 罚没款 of one decision: the unit's fine and confiscated income, and each person's fine and confiscated income. */
const FINES = sql`coalesce((c.penalty->>'fine')::numeric, 0) + coalesce((c.penalty->>'confiscatedIncome')::numeric, 0)
  + coalesce((select sum(coalesce((p->>'fine')::numeric, 0) + coalesce((p->>'incomeConfiscated')::numeric, 0)) from jsonb_array_elements(c.penalty->'persons') p), 0)`;

/**
 * Case measures (seed 004 附件1 columns 已立案查处数量, 罚没款金额, 移送公安机关案件数量; seed 000's weekly
 * 立案/查处). A credit indicator later counts 行政处罚次数 as `cases.decided` per unit (decided_on set,
 * 不予处罚 and 撤销 excluded).
 */
export const caseMeasures: Measure[] = [
  {
    key: 'cases.filed',
    ...MEASURES['cases.filed'],
    definition:
      '期间内立案的案件数（简易程序以登记日、普通程序以负责人批准立案日为立案日期），按案件当事人所属监管所归集；不予立案的不计。',
    compute: (db, f) => perStation(db, sql`count(*)::int`, sql`cases c`, inside(f, sql`c.filed_on`)),
  },
  {
    key: 'cases.decided',
    ...MEASURES['cases.decided'],
    definition: '期间内作出行政处罚决定的案件数（以决定日期计）；不予处罚、撤销立案的不计。',
    compute: (db, f) => perStation(db, sql`count(*)::int`, sql`cases c`, inside(f, sql`c.decided_on`)),
  },
  {
    key: 'cases.fines',
    ...MEASURES['cases.fines'],
    definition: '期间内作出的行政处罚决定中的罚款与没收违法所得之和（含处罚到人的罚款和没收收入），单位元；按决定日期计。',
    compute: (db, f) => perStation(db, sql`sum(${FINES})`, sql`cases c`, inside(f, sql`c.decided_on`)),
  },
  {
    key: 'cases.referred',
    ...MEASURES['cases.referred'],
    definition: '期间内经负责人批准并实际移送公安机关的案件数（以移送时间的北京日期计）。',
    compute: (db, f) =>
      perStation(
        db,
        sql`count(*)::int`,
        sql`case_referrals r join cases c on c.id = r.case_id`,
        inside(f, sql`(r.sent_at at time zone 'Asia/Shanghai')::date`),
      ),
  },
];
