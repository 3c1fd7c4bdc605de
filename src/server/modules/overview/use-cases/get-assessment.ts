import type { AssessmentLine, AssessmentQuery, AssessmentView } from '../../../../contracts/overview.js';
import type { Ctx } from '../../../core/context.js';
import { areaOf } from '../area.js';
import { campaignFor, resolvePeriod } from '../period.js';
import { currentAssessmentRule, indicatorInfos, indicatorsOf } from '../rules.js';

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * 考核: each unit below the caller scored for a campaign by the rule in force. Per indicator the raw
 * value (contributed through `assessmentIndicators`), its score on 0…1, the weight and the points
 * (weight × score); an indicator no module contributes, or a unit without data for it, shows
 * 暂无数据 (null) and adds nothing. Units ranked by total points (equal totals share a rank).
 */
export async function getAssessment(ctx: Ctx, q: AssessmentQuery): Promise<AssessmentView> {
  const { area, units } = await areaOf(ctx.db, ctx.actor);
  const campaign = await campaignFor(ctx.db, ctx.actor, q.campaignId);
  const period = resolvePeriod(q, campaign);
  const rule = await currentAssessmentRule(ctx.db);
  const known = indicatorsOf(ctx.ext);
  const infos = new Map(indicatorInfos(ctx.ext).map((i) => [i.key, i]));
  const scope = { campaignId: campaign.id, path: area.path, from: period.from, to: period.to, units };

  const columns: { raw: Map<number, number>; score: Map<number, number> }[] = [];
  for (const item of rule.definition.items) {
    const ind = known.get(item.indicator);
    if (!ind) {
      columns.push({ raw: new Map(), score: new Map() });
      continue;
    }
    const raw = await ind.compute(ctx, scope);
    columns.push({ raw, score: ind.normalise(raw, scope) });
  }

  const scored = units.map((u) => {
    const lines: AssessmentLine[] = rule.definition.items.map((item, k) => {
      const raw = columns[k].raw.get(u.jurisdictionId);
      const s = raw === undefined ? undefined : columns[k].score.get(u.jurisdictionId);
      const normalised = s === undefined ? null : Math.min(1, Math.max(0, s));
      return {
        indicator: item.indicator,
        label: known.get(item.indicator)?.label ?? infos.get(item.indicator)?.label ?? item.indicator,
        raw: raw === undefined ? null : round2(raw * 10000) / 10000,
        normalised: normalised === null ? null : round2(normalised * 10000) / 10000,
        weight: item.weight,
        points: normalised === null ? null : round2(item.weight * normalised),
      };
    });
    return { jurisdictionId: u.jurisdictionId, name: u.name, score: round2(lines.reduce((s, l) => s + (l.points ?? 0), 0)), lines };
  });
  scored.sort((a, b) => b.score - a.score);
  const ranked = scored.map((u) => ({ ...u, rank: 1 + scored.filter((x) => x.score > u.score).length }));

  return {
    campaign: { id: campaign.id, name: campaign.name },
    period,
    rule: { version: rule.version, name: rule.definition.name, inferred: rule.definition.inferred, basis: rule.definition.basis ?? null },
    indicators: rule.definition.items.map((item) => ({
      key: item.indicator,
      label: infos.get(item.indicator)?.label ?? item.indicator,
      description: infos.get(item.indicator)?.description ?? '',
      ratio: infos.get(item.indicator)?.ratio ?? false,
      available: known.has(item.indicator),
      weight: item.weight,
    })),
    maxScore: round2(rule.definition.items.filter((i) => known.has(i.indicator)).reduce((s, i) => s + i.weight, 0)),
    units: ranked,
  };
}
