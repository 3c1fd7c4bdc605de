import { sql } from 'drizzle-orm';
import { isoTimestamp } from '../../../contracts/calendar.js';
import type { TimelineSource } from '../../core/extensions.js';
import { rows } from '../../core/sql.js';

/** Grade changes on the entity file (系统评定 or 人工调整). */
export const creditTimelineSource: TimelineSource = {
  key: 'credit',
  label: '信用等级',
  async load(db, entity) {
    const list = await rows<{
      at: string;
      from_grade: string | null;
      to_grade: string | null;
      source: string;
      score: number | null;
      note: string | null;
      who: string | null;
    }>(
      db,
      sql`select c.at, c.from_grade, c.to_grade, c.source, c.score, c.note, u.display_name as who
        from credit_grade_changes c
        left join credit_overrides o on o.id = c.override_id
        left join users u on u.id = o.decided_by
        where c.entity_id = ${entity.id} order by c.id desc limit 100`,
    );
    return list.map((c) => ({
      at: isoTimestamp(c.at),
      source: 'credit',
      title: c.from_grade ? `信用等级 ${c.from_grade} → ${c.to_grade}` : `信用等级评定为${c.to_grade}级`,
      detail:
        c.source === 'override'
          ? `人工调整${c.note ? `：${c.note}` : ''}`
          : `系统评定，得分${c.score == null ? '—' : Math.round(Number(c.score) * 10) / 10}`,
      actor: c.source === 'override' ? c.who : null,
      link: `/credit/units/${entity.id}`,
    }));
  },
};
