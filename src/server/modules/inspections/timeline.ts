import { sql } from 'drizzle-orm';
import {
  FINDING_SEVERITIES,
  INSPECTION_KINDS,
  INSPECTION_STATUSES,
  MEASURE_KINDS,
  RECTIFICATION_STATUSES,
  type FindingSeverity,
  type InspectionKind,
  type InspectionStatus,
  type MeasureKind,
  type RectificationStatus,
} from '../../../contracts/inspections.js';
import type { TimelineSource } from '../../core/extensions.js';
import { rows } from '../../core/sql.js';
import { peopleNames } from './queries.js';

/** The unit's inspections on its entity file: kind and state, people, findings, measures, and where each rectification stands. */
export const inspectionTimelineSource: TimelineSource = {
  key: 'inspections',
  label: '监督检查',
  async load(db, entity) {
    const list = await rows<{
      id: number;
      plan_id: number | null;
      status: InspectionStatus;
      kind: InspectionKind;
      date: string;
      note: string | null;
      cancel_reason: string | null;
      inspector_ids: number[] | null;
      recorder: string | null;
      findings: { severity: FindingSeverity; description: string }[] | null;
      measures: MeasureKind[] | null;
      rects: { status: RectificationStatus; deadline: string }[] | null;
    }>(
      db,
      sql`select i.id, i.plan_id, i.status, i.kind, i.date::text as date, i.note, i.cancel_reason, i.inspector_ids, u.display_name as recorder,
            (select json_agg(json_build_object('severity', f.severity, 'description', f.description) order by f.id) from inspection_findings f where f.inspection_id = i.id) as findings,
            (select json_agg(m.kind order by m.id) from inspection_measures m where m.inspection_id = i.id) as measures,
            (select json_agg(json_build_object('status', r.status, 'deadline', r.deadline) order by r.id) from rectifications r where r.inspection_id = i.id) as rects
          from inspections i left join users u on u.id = i.recorded_by where i.entity_id = ${entity.id} order by i.date desc, i.id desc limit 200`,
    );
    const names = await peopleNames(
      db,
      list.flatMap((r) => r.inspector_ids ?? []),
    );
    return list.map((r) => ({
      at: new Date(`${r.date}T00:00:00Z`).toISOString(),
      source: 'inspections',
      title: `${INSPECTION_KINDS[r.kind] ?? '监督检查'}（${INSPECTION_STATUSES[r.status]}）`,
      detail:
        [
          (r.inspector_ids ?? []).map((i) => names.get(i) ?? `#${i}`).join('、'),
          r.findings?.length
            ? `发现问题${r.findings.length}项：${r.findings.map((f) => `${f.description}（${FINDING_SEVERITIES[f.severity]}）`).join('；')}`
            : r.status === 'done'
              ? '未发现问题'
              : null,
          r.measures?.length ? `处置：${r.measures.map((m) => MEASURE_KINDS[m]).join('、')}` : null,
          r.rects?.length ? `整改：${r.rects.map((x) => `${RECTIFICATION_STATUSES[x.status]}（期限${x.deadline}）`).join('、')}` : null,
          r.note,
          r.cancel_reason && `取消原因：${r.cancel_reason}`,
        ]
          .filter(Boolean)
          .join('；') || null,
      actor: r.recorder ?? null,
      link: `/inspections/${r.id}`,
    }));
  },
};
