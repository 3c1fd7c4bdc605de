import { violationTypesFor } from '../../../../contracts/checklists/index.js';
import { MEASURES, type MeasureKey } from '../../../../contracts/measures.js';
import type { OverviewQuery, OverviewView } from '../../../../contracts/overview.js';
import type { Ctx } from '../../../core/context.js';
import { pointOf } from '../../../core/extensions.js';
import { findingsByStationAndType } from '../../inspections/public.js';
import { areaOf, sumToUnits } from '../area.js';
import { coverageByUnit } from '../coverage.js';
import { campaignFor, monthEnd, monthStart, resolvePeriod } from '../period.js';

const FIGURES: MeasureKey[] = ['inspections.visits', 'cases.filed', 'cases.fines'];

/**
 * 工作概览: every figure of the leader's one-screen view for the caller's area — the campaign's
 * progress and quota coverage per unit (its current plan's live coverage), findings by violation
 * type, cases filed / fines / inspections per month over 12 months (report measures), and per-unit
 * inspections, findings and cases for the ranking. Unknown or invisible campaign → 404; a period
 * outside the campaign → 400 PERIOD_OUTSIDE_CAMPAIGN.
 */
export async function getOverview(ctx: Ctx, q: OverviewQuery): Promise<OverviewView> {
  const { area, units } = await areaOf(ctx.db, ctx.actor);
  const campaign = q.campaignId ? await campaignFor(ctx.db, ctx.actor, q.campaignId) : null;
  const period = resolvePeriod(q, campaign);
  const measures = new Map(pointOf(ctx.ext, 'measures').map((m) => [m.key, m]));
  const measure = async (key: MeasureKey, from: string, to: string) =>
    (await measures.get(key)?.compute(ctx.db, { path: area.path, from, to })) ?? new Map<number, number>();
  const total = (m: Map<number, number>) => [...m.values()].reduce((s, v) => s + v, 0);

  const coverage = campaign ? await coverageByUnit(ctx, campaign.id, units) : null;
  const visits = await sumToUnits(ctx.db, units, await measure('inspections.visits', period.from, period.to));
  const cases = await sumToUnits(ctx.db, units, await measure('cases.filed', period.from, period.to));

  const findings = await findingsByStationAndType(ctx.db, { path: area.path, from: period.from, to: period.to });
  const findingsPerStation = new Map<number, number>();
  const byType = new Map<string | null, number>();
  for (const f of findings) {
    findingsPerStation.set(f.jurisdictionId, (findingsPerStation.get(f.jurisdictionId) ?? 0) + f.count);
    byType.set(f.violationType, (byType.get(f.violationType) ?? 0) + f.count);
  }
  const findingsPerUnit = await sumToUnits(ctx.db, units, findingsPerStation);
  const labels = new Map(violationTypesFor(campaign?.definition ?? null).map((t) => [t.key, t.label]));

  const months: OverviewView['months'] = [];
  for (let k = -11; k <= 0; k++) {
    const from = monthStart(period.to, k);
    const to = monthEnd(from);
    const [v, filed, fines] = await Promise.all(FIGURES.map((key) => measure(key, from, to)));
    months.push({ month: from.slice(0, 7), visits: total(v), casesFiled: total(filed), fines: Math.round(total(fines) * 100) / 100 });
  }

  const unitCoverage = coverage?.perUnit;
  return {
    area: { jurisdictionId: area.jurisdictionId, name: area.name },
    period,
    campaign: campaign
      ? {
          id: campaign.id,
          name: campaign.name,
          from: campaign.from,
          to: campaign.to,
          planName: coverage?.planName ?? null,
          progress: coverage?.total ?? null,
        }
      : null,
    units: units.map((u) => ({
      jurisdictionId: u.jurisdictionId,
      name: u.name,
      coverage: unitCoverage?.get(u.jurisdictionId) ?? null,
      inspections: visits.get(u.jurisdictionId) ?? 0,
      findings: findingsPerUnit.get(u.jurisdictionId) ?? 0,
      cases: cases.get(u.jurisdictionId) ?? 0,
    })),
    findingsByType: [...byType]
      .map(([key, count]) => ({ key, label: key === null ? '未归类' : (labels.get(key) ?? key), count }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-CN')),
    months,
    definitions: FIGURES.map((key) => ({ key, label: MEASURES[key].label, definition: measures.get(key)?.definition ?? '' })),
  };
}
