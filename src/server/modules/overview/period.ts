import { daysInMonth, formatDate, shanghaiToday } from '../../../contracts/calendar.js';
import type { CampaignDefinition } from '../../../contracts/campaigns.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { getCampaignRow } from '../campaigns/public.js';

export interface CampaignRef {
  id: number;
  name: string;
  from: string | null;
  to: string | null;
  definition: CampaignDefinition;
}

/** A campaign the caller may see (its own area's, or one of the bureaus above); else 404. */
export async function campaignFor(db: DbOrTx, actor: Actor, id: number): Promise<CampaignRef> {
  const c = await getCampaignRow(db, actor, id);
  const definition = c.definition as CampaignDefinition;
  return { id: c.id, name: c.name, from: definition.period?.from ?? null, to: definition.period?.to ?? null, definition };
}

/** First day of the month `n` months after the month of `date` (n may be negative). */
export function monthStart(date: string, n = 0): string {
  const [y, m] = date.split('-').map(Number);
  const k = y * 12 + (m - 1) + n;
  return formatDate(Math.floor(k / 12), (k % 12) + 1, 1);
}
export const monthEnd = (date: string) => {
  const [y, m] = date.split('-').map(Number);
  return formatDate(y, m, daysInMonth(y, m));
};

/**
 * The period the figures are computed over. With a campaign that has dates: inside them (a date
 * outside → 400 PERIOD_OUTSIDE_CAMPAIGN), by default from its start to today (or its end, if over).
 * Without: by default the 12 months up to today.
 */
export function resolvePeriod(q: { from?: string; to?: string }, campaign: CampaignRef | null, today = shanghaiToday()) {
  let from: string;
  let to: string;
  if (campaign?.from && campaign.to) {
    const { from: cf, to: ct } = campaign;
    if ((q.from && q.from < cf) || (q.to && q.to > ct) || (q.from && q.from > ct) || (q.to && q.to < cf))
      throw new AppError('PERIOD_OUTSIDE_CAMPAIGN', `所选期间超出专项行动期间（${cf}至${ct}）`, 400);
    to = q.to ?? (today < cf ? cf : today > ct ? ct : today);
    from = q.from ?? cf;
  } else {
    to = q.to ?? today;
    from = q.from ?? monthStart(to, -11);
  }
  if (from > to) throw new AppError('PERIOD_INVALID', '开始日期不能晚于结束日期', 400);
  return { from, to };
}
