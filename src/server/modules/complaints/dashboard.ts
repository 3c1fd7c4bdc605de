import { can } from '../../../contracts/permissions.js';
import type { DashboardSection } from '../../core/extensions.js';
import { listComplaints } from './use-cases/list-complaints.js';

/** The 工作台's 投诉举报 section: overdue complaints of the caller's area, most overdue first. */
export const complaintsDashboardSection: DashboardSection = {
  key: 'complaints',
  async load(ctx) {
    if (!can(ctx.actor.role, 'complaints.manage')) return { complaints: null };
    const { items, total } = await listComplaints(ctx, { overdue: 'true', page: 1, pageSize: 10 });
    return {
      complaints: {
        overdue: total,
        items: items.map((c) => {
          const d = c.deadlines.filter((x) => x.overdue && !x.doneOn).sort((a, b) => b.daysOverdue - a.daysOverdue)[0];
          return { id: c.id, summary: c.summary, label: d?.label ?? '', due: d?.due ?? '', daysOverdue: d?.daysOverdue ?? 0 };
        }),
      },
    };
  },
};
