import { dueDates, obligationWindow, type CampaignDefinition } from '../../../../contracts/campaigns.js';
import type { Ctx } from '../../../core/context.js';
import { workCalendar } from '../../calendar/public.js';
import { getCampaignRow } from '../queries.js';

/**
 * All due dates of one obligation (or all) in a window, default the campaign period. An obligation
 * whose period, weekday or day the plan leaves unset (方案未定) has none.
 */
export async function listDueDates(ctx: Ctx, id: number, q: { obligation?: string; from?: string; to?: string }) {
  const c = await getCampaignRow(ctx.db, ctx.actor, id);
  const def = c.definition as CampaignDefinition;
  const calendar = await workCalendar(ctx.db);
  return def.obligations
    .filter((o) => !q.obligation || o.key === q.obligation)
    .flatMap((o) => {
      const { window } = obligationWindow(def, o.rule);
      if (!window) return [];
      const from = q.from && q.from > window.from ? q.from : window.from;
      const to = q.to && q.to < window.to ? q.to : window.to;
      return dueDates(o.rule, { from, to }, calendar).map((d) => ({ obligation: o.key, label: o.label, ...d }));
    })
    .sort((a, b) => a.at.localeCompare(b.at));
}
