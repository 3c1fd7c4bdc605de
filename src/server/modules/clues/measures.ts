import { sql } from 'drizzle-orm';
import { MEASURES } from '../../../contracts/measures.js';
import type { Measure, MeasureFilter } from '../../core/extensions.js';
import { rows } from '../../core/sql.js';

/** Inside the filter's subtree; with entity kinds, only clues about a unit of those kinds. */
const inside = (jurisdiction: string, entity: string, f: MeasureFilter) =>
  sql`${sql.raw(jurisdiction)} = any(array(select id from jurisdictions where path like ${f.path + '%'}))
      ${
        f.entityKinds?.length
          ? sql`and ${sql.raw(entity)} in (select id from entities where kind in (${sql.join(
              f.entityKinds.map((k) => sql`${k}`),
              sql`, `,
            )}))`
          : sql``
      }`;

const perJurisdiction = (list: { jurisdiction_id: number; n: number }[]) => new Map(list.map((r) => [r.jurisdiction_id, Number(r.n)]));

/** Measures over clues (seed 000's weekly summary: 发现线索, 移交线索). */
export const clueMeasures: Measure[] = [
  {
    key: 'clues.found',
    ...MEASURES['clues.found'],
    definition:
      '期间内收到（发现）的线索条数，按收到日期计，各来源（监督检查、抽检、监测、投诉举报、舆情、移送、交办、协查、基层上报）合计，按线索所属辖区归集。',
    compute: async (db, f) =>
      perJurisdiction(
        await rows(
          db,
          sql`select c.jurisdiction_id, count(*)::int as n from clues c
              where c.received_on between ${f.from}::date and ${f.to}::date and ${inside('c.jurisdiction_id', 'c.entity_id', f)}
              group by c.jurisdiction_id`,
        ),
      ),
  },
  {
    key: 'clues.transferred',
    ...MEASURES['clues.transferred'],
    definition: '期间内移交卫健、医保、公安或其他地区、其他部门的线索件数，按移交日期计；同一线索多次移交计多件。',
    compute: async (db, f) =>
      perJurisdiction(
        await rows(
          db,
          sql`select t.jurisdiction_id, count(*)::int as n from clue_transfers t join clues c on c.id = t.clue_id
              where t.transferred_on between ${f.from}::date and ${f.to}::date and ${inside('t.jurisdiction_id', 'c.entity_id', f)}
              group by t.jurisdiction_id`,
        ),
      ),
  },
];
