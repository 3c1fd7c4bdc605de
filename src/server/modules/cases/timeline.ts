import { sql } from 'drizzle-orm';
import { CASE_STATUSES, penaltyLines, type CaseStatus, type Penalty } from '../../../contracts/cases.js';
import { citePenaltyArticle } from '../../../contracts/penalty-articles.js';
import type { TimelineSource } from '../../core/extensions.js';
import { rows } from '../../core/sql.js';

/** The unit's cases on its entity file: number, violation, state, penalty and basis, referral. */
export const caseTimelineSource: TimelineSource = {
  key: 'cases',
  label: '案件查办',
  async load(db, entity) {
    const list = await rows<{
      id: number;
      case_no: string | null;
      status: CaseStatus;
      violation_label: string;
      at: string;
      penalty: Penalty | null;
      decision_no: string | null;
      referral: string | null;
      officer: string | null;
    }>(
      db,
      sql`select c.id, c.case_no, c.status, c.violation_label, coalesce(c.decided_on, c.filed_on, c.created_at::date)::text as at, c.penalty, c.decision_no,
            (select r.status from case_referrals r where r.case_id = c.id) as referral, u.display_name as officer
          from cases c left join users u on u.id = c.created_by where c.entity_id = ${entity.id} order by c.id desc limit 200`,
    );
    return list.map((r) => ({
      at: new Date(`${r.at}T00:00:00+08:00`).toISOString(),
      source: 'cases',
      title: `案件${r.case_no ? ` ${r.case_no}` : ''}（${CASE_STATUSES[r.status]}）`,
      detail:
        [
          r.violation_label,
          r.penalty && r.decision_no
            ? `${r.decision_no}：依据${citePenaltyArticle(r.penalty.article)}，${penaltyLines(r.penalty).join('、')}`
            : null,
          r.referral ? '已提请移送公安机关' : null,
        ]
          .filter(Boolean)
          .join('；') || null,
      actor: r.officer,
      link: `/cases?id=${r.id}`,
    }));
  },
};
