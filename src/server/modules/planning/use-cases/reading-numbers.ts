import type { CampaignDefinition } from '../../../../contracts/campaigns.js';
import { setAtPath } from '../../../../contracts/definition-paths.js';
import type { Ctx } from '../../../core/context.js';
import type { ReadingNumbers } from '../../../../contracts/plans.js';
import { buildContext } from '../engine/index.js';
import { DEFAULT_WEIGHTS } from '../engine/random.js';
import { solve } from '../engine/solver.js';
import { loadPlanningInput } from '../loader.js';
import { getCampaignRow } from '../../campaigns/public.js';

const cache = new Map<string, ReadingNumbers>();
const CACHE_MAX = 20;

/**
 * For each open reading of the plan, the fewest inspections the bureau's registry needs under each
 * option (the other readings as chosen): what switching would change. Quota-free readings give null.
 * Cached per campaign version and registry fingerprint.
 */
export async function readingNumbers(ctx: Ctx, id: number): Promise<ReadingNumbers> {
  const c = await getCampaignRow(ctx.db, ctx.actor, id);
  const def = c.definition as CampaignDefinition;
  if (!def.readings?.length) return { readings: [] };
  const period = {
    from: def.period?.from ?? null,
    to: def.period?.to ?? null,
    phases: def.phases.map((p) => ({ key: p.key, from: p.from, to: p.to })),
  };
  const loaded = await loadPlanningInput(ctx.db, c.jurisdictionPath, def.quotas, period, { recusal: false });
  const key = `${id}:${c.version}:${loaded.fingerprint}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const minimum = new Map<string, { n: number; optimal: boolean }>();
  const count = (quotas: CampaignDefinition['quotas']) => {
    const sig = JSON.stringify(quotas);
    let m = minimum.get(sig);
    if (!m) {
      const r = solve(buildContext({ ...loaded.input, rules: quotas }), 1, DEFAULT_WEIGHTS);
      minimum.set(sig, (m = { n: r.lowerBound, optimal: r.optimal }));
    }
    return m;
  };
  const out: ReadingNumbers = {
    readings: def.readings.map((r) => ({
      key: r.key,
      question: r.question,
      source: r.source ?? null,
      chosen: r.chosen,
      options: r.options.map((o) => {
        let variant: CampaignDefinition = def;
        for (const [path, v] of Object.entries(o.set)) variant = setAtPath(variant, path, v ?? undefined);
        const touchesQuotas = Object.keys(o.set).some((p) => p.startsWith('quotas.'));
        const m = touchesQuotas || def.quotas.length ? count(variant.quotas) : null;
        return { key: o.key, label: o.label, note: o.note ?? null, inspections: m?.n ?? null, optimal: m?.optimal ?? false };
      }),
    })),
  };
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(key, out);
  return out;
}
