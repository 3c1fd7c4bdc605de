import { sql } from 'drizzle-orm';
import { can } from '../../../contracts/permissions.js';
import { RISK_GRADES, RISK_STATUSES, type RiskGrade, type RiskStatus } from '../../../contracts/risks.js';
import type { TimelineSource } from '../../core/extensions.js';
import { rows } from '../../core/sql.js';

/** The unit's risks (found, owner, state, closure) and the common risks and consultations that concern it, on its entity file. */
export const riskTimelineSource: TimelineSource = {
  key: 'risks',
  label: '风险隐患',
  async load(db, entity, actor) {
    if (!can(actor.role, 'risks.read')) return [];
    const [list, commons, meetings] = await Promise.all([
      rows<{
        id: number;
        title: string;
        level: RiskGrade;
        status: RiskStatus;
        found_on: string;
        deadline: string;
        closed_on: string | null;
        control_measure: string | null;
        owner: string;
        creator: string | null;
      }>(
        db,
        sql`select r.id, r.title, r.level, r.status, r.found_on::text as found_on, r.deadline::text as deadline, r.closed_on::text as closed_on,
              r.control_measure, o.display_name as owner, c.display_name as creator
            from risk_entities re join risks r on r.id = re.risk_id join users o on o.id = r.owner_id left join users c on c.id = r.created_by
            where re.entity_id = ${entity.id} order by r.found_on desc, r.id desc limit 200`,
      ),
      rows<{ id: number; title: string; removed: boolean; created_at: string | Date }>(
        db,
        sql`select c.id, c.title, c.removed, c.created_at from common_risk_entities ce join common_risks c on c.id = ce.common_risk_id
            where ce.entity_id = ${entity.id} order by c.created_at desc limit 100`,
      ),
      rows<{ id: number; kind: string; held_on: string; topic: string; decision: string | null }>(
        db,
        sql`select distinct c.id, c.kind, c.held_on::text as held_on, i.topic, i.decision from risk_entities re
            join consultation_item_links l on l.link_type = 'risk' and l.link_id = re.risk_id
            join consultation_items i on i.id = l.item_id join consultations c on c.id = i.consultation_id
            where re.entity_id = ${entity.id} order by 3 desc limit 100`,
      ),
    ]);
    return [
      ...list.map((r) => ({
        at: new Date(`${r.found_on}T00:00:00Z`).toISOString(),
        source: 'risks',
        title: `风险隐患：${r.title}（${RISK_GRADES[r.level]}，${RISK_STATUSES[r.status]}）`,
        detail:
          [
            `责任人${r.owner}`,
            `管控期限${r.deadline}`,
            r.control_measure && `管控措施：${r.control_measure}`,
            r.closed_on && `${r.closed_on}验收销号`,
          ]
            .filter(Boolean)
            .join('；') || null,
        actor: r.creator,
        link: `/risks?id=${r.id}`,
      })),
      ...commons.map((c) => ({
        at: new Date(c.created_at).toISOString(),
        source: 'risks',
        title: `共性风险隐患：${c.title}`,
        detail: c.removed ? '已消除' : '未消除',
        actor: null,
        link: `/common-risks?id=${c.id}`,
      })),
      ...meetings.map((m) => ({
        at: new Date(`${m.held_on}T00:00:00Z`).toISOString(),
        source: 'risks',
        title: `${m.kind === 'case' ? '案件会商' : '风险会商'}：${m.topic}`,
        detail: m.decision,
        actor: null,
        link: `/consultations?id=${m.id}`,
      })),
    ];
  },
};
