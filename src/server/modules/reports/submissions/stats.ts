import type { SubmissionStats } from '../../../../contracts/submissions.js';
import type { DbOrTx } from '../../../../db/client.js';
import { workCalendar } from '../../calendar/public.js';
import { bureauUnits, currentCampaign } from '../../campaigns/public.js';
import { submittingUnits, unitCalendars } from './calendar.js';

/**
 * Timeliness and completeness of a campaign's reports per jurisdiction of the submitting units
 * inside `path`, over due dates in [from, to] whose deadline has passed (or that were reported
 * already): due = onTime + late + missing. For the roll-up grid and the assessment (考核); no
 * scope check (the caller's policy decides what `path` may be).
 */
export async function submissionStats(
  db: DbOrTx,
  q: { campaignId: number; path: string; from: string; to: string; now?: Date },
): Promise<SubmissionStats[]> {
  const campaign = await currentCampaign(db, q.campaignId);
  const all = await bureauUnits(db, campaign.jurisdictionId);
  const units = (await submittingUnits(db, campaign.definition, all)).filter((u) => u.path.startsWith(q.path));
  const cals = await unitCalendars(db, q.campaignId, campaign.definition, all, units, await workCalendar(db), q.now ?? new Date(), {
    from: q.from,
    to: q.to,
  });
  const out = new Map<number, SubmissionStats>();
  for (const c of cals) {
    const s = out.get(c.jurisdictionId) ?? { jurisdictionId: c.jurisdictionId, due: 0, onTime: 0, late: 0, missing: 0 };
    s.due += c.totals.due;
    s.onTime += c.totals.onTime;
    s.late += c.totals.late;
    s.missing += c.totals.missing;
    out.set(c.jurisdictionId, s);
  }
  return [...out.values()].sort((a, b) => a.jurisdictionId - b.jurisdictionId);
}
