import { sql } from 'drizzle-orm';
import {
  CLUE_SOURCES,
  CLUE_STATUSES,
  TRANSFER_TARGETS,
  type ClueSource,
  type ClueStatus,
  type TransferTarget,
} from '../../../contracts/clues.js';
import { can } from '../../../contracts/permissions.js';
import type { TimelineSource } from '../../core/extensions.js';
import { rows } from '../../core/sql.js';

/** The unit's clues on its entity file: source, state, decision, transfers. */
export const clueTimelineSource: TimelineSource = {
  key: 'clues',
  label: '线索',
  async load(db, entity, actor) {
    if (!can(actor.role, 'clues.read')) return [];
    const list = await rows<{
      id: number;
      source_type: ClueSource;
      status: ClueStatus;
      summary: string;
      received_on: string;
      decision_reason: string | null;
      case_no: string | null;
      handler: string | null;
      transfers: { target: TransferTarget; body: string }[] | null;
    }>(
      db,
      sql`select c.id, c.source_type, c.status, c.summary, c.received_on::text as received_on, c.decision_reason, c.case_no, h.display_name as handler,
            (select json_agg(json_build_object('target', t.target, 'body', t.receiving_body) order by t.id) from clue_transfers t where t.clue_id = c.id) as transfers
          from clues c left join users h on h.id = c.handler_id where c.entity_id = ${entity.id} order by c.received_on desc, c.id desc limit 200`,
    );
    return list.map((r) => ({
      at: new Date(`${r.received_on}T00:00:00+08:00`).toISOString(),
      source: 'clues',
      title: `线索（${CLUE_SOURCES[r.source_type]}，${CLUE_STATUSES[r.status]}）`,
      detail:
        [
          r.summary,
          r.decision_reason && `理由：${r.decision_reason}`,
          r.case_no && `案件编号：${r.case_no}`,
          r.transfers?.length ? `移交：${r.transfers.map((t) => `${TRANSFER_TARGETS[t.target]} ${t.body}`).join('、')}` : null,
        ]
          .filter(Boolean)
          .join('；') || null,
      actor: r.handler,
      link: `/clues?id=${r.id}`,
    }));
  },
};
