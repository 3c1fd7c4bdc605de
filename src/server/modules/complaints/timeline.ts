import { sql } from 'drizzle-orm';
import { COMPLAINT_KINDS, COMPLAINT_STATUSES, type ComplaintKind, type ComplaintStatus } from '../../../contracts/complaints.js';
import { can } from '../../../contracts/permissions.js';
import type { TimelineSource } from '../../core/extensions.js';
import { rows } from '../../core/sql.js';

/** Complaints and reports about the unit on its entity file (no reporter's name or phone). */
export const complaintTimelineSource: TimelineSource = {
  key: 'complaints',
  label: '投诉举报',
  async load(db, entity, actor) {
    if (!can(actor.role, 'complaints.read')) return [];
    const list = await rows<{
      id: number;
      kind: ComplaintKind;
      status: ComplaintStatus;
      summary: string;
      received_on: string;
      reply: string | null;
      refuse_reason: string | null;
    }>(
      db,
      sql`select id, kind, status, summary, received_on::text as received_on, reply, refuse_reason from complaints where entity_id = ${entity.id} order by received_on desc, id desc limit 200`,
    );
    return list.map((r) => ({
      at: new Date(`${r.received_on}T00:00:00+08:00`).toISOString(),
      source: 'complaints',
      title: `${COMPLAINT_KINDS[r.kind]}（${COMPLAINT_STATUSES[r.status]}）`,
      detail:
        [r.summary, r.refuse_reason && `不予受理理由：${r.refuse_reason}`, r.reply && `答复：${r.reply}`].filter(Boolean).join('；') ||
        null,
      actor: null,
      link: `/complaints?id=${r.id}`,
    }));
  },
};
