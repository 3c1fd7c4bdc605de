import { sql } from 'drizzle-orm';
import { INSPECTION_STATUSES, type InspectionStatus } from '../../../contracts/inspections.js';
import type { TimelineSource } from '../../core/extensions.js';
import { rows } from '../../core/sql.js';
import { peopleNames } from './queries.js';

/** The unit's inspections (planned, done, cancelled) on its entity file. */
export const inspectionTimelineSource: TimelineSource = {
  key: 'inspections',
  label: '监督检查',
  async load(db, entity) {
    const list = await rows<{ id: number; plan_id: number | null; status: InspectionStatus; date: string; note: string | null; cancel_reason: string | null; inspector_ids: number[] | null; recorder: string | null }>(
      db,
      sql`select i.id, i.plan_id, i.status, i.date::text as date, i.note, i.cancel_reason, i.inspector_ids, u.display_name as recorder
          from inspections i left join users u on u.id = i.recorded_by where i.entity_id = ${entity.id} order by i.date desc, i.id desc limit 200`,
    );
    const names = await peopleNames(db, list.flatMap((r) => r.inspector_ids ?? []));
    return list.map((r) => ({
      at: new Date(`${r.date}T00:00:00Z`).toISOString(),
      source: 'inspections',
      title: `监督检查（${INSPECTION_STATUSES[r.status]}）`,
      detail: [(r.inspector_ids ?? []).map((i) => names.get(i) ?? `#${i}`).join('、'), r.note, r.cancel_reason && `取消原因：${r.cancel_reason}`].filter(Boolean).join('；') || null,
      actor: r.recorder ?? null,
      link: r.plan_id ? `/plans/${r.plan_id}` : null,
    }));
  },
};
