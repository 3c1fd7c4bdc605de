import type { QuotaRule } from '../../src/contracts/quota-rules.js';
import { SEED000_RULES } from '../../src/server/modules/planning/engine/fixtures/seed000-rules.js';
import { syntheticEntities, syntheticStations } from '../../src/server/modules/planning/engine/fixtures/synthetic.js';
import { buildContext, computeCoverage, generatePlan, type PlanningInput } from '../../src/server/modules/planning/engine/index.js';
import { sample, type BenchSuite } from '../lib.js';

/** Other seeds' rules on top of seed 000: credit-graded frequency (seed 001) and a focus phase (seed 002). */
const MIXED_RULES: QuotaRule[] = [
  ...SEED000_RULES,
  {
    id: 'credit',
    label: '零售药店信用分级监管',
    population: { kinds: ['pharmacy_chain', 'pharmacy_single'] },
    target: { type: 'share', min: 0.2 },
    byCreditGrade: { A: { share: 0.05 }, B: { share: 0.2 }, C: { share: 0.6 }, D: { share: 1, times: 2 } },
  },
  {
    id: 'focus_online',
    label: '集中整治阶段网络销售、医美机构全覆盖',
    population: { kinds: ['online_seller', 'medical_aesthetics'] },
    target: { type: 'all' },
    window: { phase: 'focus' },
  },
];
const CAMPAIGN = {
  from: '2026-03-01',
  to: '2026-11-30',
  phases: [
    { key: 'deploy', from: '2026-03-01', to: '2026-03-31' },
    { key: 'focus', from: '2026-04-01', to: '2026-09-30' },
    { key: 'summary', from: '2026-10-01', to: '2026-11-30' },
  ],
};

/**
 * Planning at province scale: 200,000 units over 1,500 stations (the engine is pure, so these
 * figures do not depend on the database; the DB figures come from the persisted use cases).
 */
const suite: BenchSuite = {
  name: 'planning',
  after: ['entities'],
  async run(env) {
    const [nStations, perStation] = env.scale === 'province' ? [1500, 133] : [60, 133];
    const stations = syntheticStations(nStations, 8);
    const entities = syntheticEntities(stations, perStation, env.seed);
    const note = `${entities.length} units, ${nStations} stations`;
    for (const [name, rules] of [
      ['seed 000 rules', SEED000_RULES],
      ['seed 000 + credit + phase', MIXED_RULES],
    ] as const) {
      const input: PlanningInput = { entities, stations, rules, campaign: CAMPAIGN };
      let plan = generatePlan(input, env.seed);
      const gen = await sample(5, async (i) => (plan = generatePlan(input, env.seed + i)), 1);
      env.figure(`engine: generate plan (${name}) p50`, gen.p50, 'ms', `${note}; ${plan.tasks.length} tasks, optimal=${plan.stats.optimal}`);
      env.figure(`engine: generate plan (${name}) max`, gen.max, 'ms');
      const ctx = buildContext(input);
      const facts = plan.tasks.filter((_, i) => i % 3 !== 0).map((t) => ({ entityId: t.entityId, date: t.dueTo ?? '2026-06-01', status: 'done' as const }));
      const cov = await sample(5, async () => computeCoverage(ctx, facts), 1);
      env.figure(`engine: coverage in memory (${name}) p50`, cov.p50, 'ms', `${facts.length} done inspections, ${ctx.requirements.length} rule × station rows`);
    }
  },
};
export default suite;
