import { sql } from 'drizzle-orm';
import { MEASURES } from '../../../contracts/measures.js';
import type { Measure, MeasureFilter } from '../../core/extensions.js';
import { rows } from '../../core/sql.js';

/** Done inspections inside the filter (station subtree, date range, entity kinds, campaign). */
const doneInside = (f: MeasureFilter) =>
  sql`i.status = 'done' and i.date between ${f.from}::date and ${f.to}::date
      and i.jurisdiction_id = any(array(select id from jurisdictions where path like ${f.path + '%'}))
      ${
        f.entityKinds?.length
          ? sql`and e.kind in (${sql.join(
              f.entityKinds.map((k) => sql`${k}`),
              sql`, `,
            )})`
          : sql``
      }
      ${f.campaignId ? sql`and i.plan_id in (select id from plans where campaign_id = ${f.campaignId})` : sql``}`;

async function perStation(db: Parameters<Measure['compute']>[0], select: ReturnType<typeof sql>, f: MeasureFilter) {
  const list = await rows<{ jurisdiction_id: number; n: number }>(
    db,
    sql`select i.jurisdiction_id, ${select}::int as n from inspections i join entities e on e.id = i.entity_id where ${doneInside(f)} group by i.jurisdiction_id`,
  );
  return new Map(list.map((r) => [r.jurisdiction_id, Number(r.n)]));
}

/** Measures over inspection records (report columns refer to them by key). */
export const inspectionMeasures: Measure[] = [
  {
    key: 'inspections.units',
    ...MEASURES['inspections.units'],
    definition: '期间内有已完成（已签名）检查记录的不同监管对象数，按检查记录所属监管所归集；同一单位多次检查计1家。',
    compute: (db, f) => perStation(db, sql`count(distinct i.entity_id)`, f),
  },
  {
    key: 'inspections.visits',
    ...MEASURES['inspections.visits'],
    definition: '期间内已完成（已签名）的检查记录条数，同一单位每检查一次计1家次。',
    compute: (db, f) => perStation(db, sql`count(*)`, f),
  },
];
