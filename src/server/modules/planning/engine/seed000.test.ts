import { describe, expect, it } from 'vitest';
import { quotaRule } from '../../../../contracts/quota-rules.js';
import { BIG_STATIONS, SEED000_RULES, SMALL_STATIONS } from './fixtures/seed000-rules.js';
import { syntheticEntities, syntheticStations } from './fixtures/synthetic.js';
import { metCounts, oracleMinimum, oracleRequirements } from './fixtures/oracle.js';
import { generatePlan } from './plan.js';
import type { PlannerEntity } from './types.js';

/**
 * Seed 000's quota rules (section 三(一)3) over a synthetic 兴隆台区 of 11 stations. Each rule is
 * checked against the plan by counting directly from the units and tasks, not through the engine.
 */
const stations = syntheticStations(11, 6, [...BIG_STATIONS, ...SMALL_STATIONS]);
const byName = new Map(stations.map((s) => [s.shortName, s.id]));
const COSMETICS = ['cosmetics_maternal', 'cosmetics_store', 'cosmetics_counter', 'beauty_salon', 'hair_salon', 'hotel', 'bathhouse'];
const DRUG = ['pharmacy_chain', 'pharmacy_single', 'medical_institution', 'clinic', 'cdc', 'vaccination_site'];

function district(): PlannerEntity[] {
  let entities = syntheticEntities(stations, 140, 2022);
  // 创新所 keeps only 9 cosmetics units (≥15 is impossible there); 高采所 only 3 (≥5 impossible).
  for (const [name, keep] of [
    ['创新所', 9],
    ['高采所', 3],
  ] as const) {
    const id = byName.get(name)!;
    let n = 0;
    entities = entities.filter((e) => e.stationId !== id || !COSMETICS.includes(e.kind) || e.status !== 'operating' || n++ < keep);
  }
  const st = byName.get('兴隆所')!;
  const unit = (id: string, kind: string, extra: Partial<PlannerEntity> = {}): PlannerEntity => ({
    id,
    kind,
    stationId: st,
    tags: [],
    riskLevel: 'low',
    status: 'operating',
    ...extra,
  });
  entities.push(
    unit('x-hospital3', 'medical_institution', { medicalGrade: '3', riskLevel: 'high' }),
    unit('x-city-cdc', 'cdc', { tags: ['city_level'] }),
    unit('x-district-cdc', 'cdc'),
    unit('x-fp-dealer', 'device_dealer', { deviceLevel: '3', familyPlanning: true }),
    unit('x-closed-pharmacy', 'pharmacy_single', { status: 'closed', riskLevel: 'high' }),
  );
  return entities;
}

const entities = district();
const input = { entities, stations, rules: SEED000_RULES };
const plan = generatePlan(input, 20220328);
const visits = new Map<string, number>();
for (const t of plan.tasks) visits.set(t.entityId, (visits.get(t.entityId) ?? 0) + 1);
const half = (n: number) => Math.ceil(n / 2);

function atStation(stationId: string, pred: (e: PlannerEntity) => boolean) {
  const pop = entities.filter((e) => e.stationId === stationId && e.status === 'operating' && pred(e));
  return { n: pop.length, inspected: pop.filter((e) => visits.has(e.id)).length, pop };
}
const inDrugQuota = (e: PlannerEntity) =>
  DRUG.includes(e.kind) && e.medicalGrade !== '3' && !(e.kind === 'cdc' && e.tags.includes('city_level'));

describe('seed 000 quota rules', () => {
  it('are valid quota rules', () => {
    for (const r of SEED000_RULES) expect(quotaRule.safeParse(r).success, r.id).toBe(true);
  });

  it('plan exactly the minimum that a separate MIP solver (GLPK) finds for an independent reading of the rules', async () => {
    // The engine's own lower bound equals its cost when its search ends, so it proves nothing
    // about optimality; this minimum is computed without any engine code.
    const reqs = oracleRequirements(input);
    expect(reqs.length).toBeGreaterThan(100);
    const met = metCounts(reqs, plan.tasks);
    reqs.forEach((r, i) => expect(met[i], `${r.label}@${r.station}`).toBeGreaterThanOrEqual(r.need));
    const minimum = await oracleMinimum(reqs);
    expect(minimum).toBeGreaterThan(500);
    expect(plan.tasks.length).toBe(minimum);
  });

  it('give an optimal plan with no unit inspected beyond its frequency', () => {
    expect(plan.stats.optimal).toBe(true);
    expect(plan.tasks.length).toBe(plan.stats.lowerBound);
    for (const [id, n] of visits) {
      const e = entities.find((x) => x.id === id)!;
      expect(n, id).toBe(inDrugQuota(e) && e.riskLevel === 'high' ? 2 : 1);
    }
  });

  for (const s of stations) {
    const big = BIG_STATIONS.includes(s.shortName);
    it(`${s.shortName}: every rule met`, () => {
      const drug = atStation(s.id, inDrugQuota);
      expect(drug.inspected).toBeGreaterThanOrEqual(half(drug.n));
      for (const e of drug.pop.filter((x) => x.riskLevel === 'high')) expect(visits.get(e.id), e.id).toBe(2);
      const vaccine = atStation(
        s.id,
        (e) => ['vaccine_distributor', 'cdc', 'vaccination_site'].includes(e.kind) && !e.tags.includes('city_level'),
      );
      expect(vaccine.inspected).toBe(vaccine.n);
      const l12 = atStation(s.id, (e) => e.kind === 'device_dealer' && (e.deviceLevel === '1' || e.deviceLevel === '2'));
      expect(l12.inspected).toBeGreaterThanOrEqual(half(l12.n));
      const l3 = atStation(s.id, (e) => e.kind === 'device_dealer' && e.deviceLevel === '3' && !e.familyPlanning);
      expect(l3.inspected).toBe(l3.n);
      const fp = atStation(s.id, (e) => e.kind === 'device_dealer' && e.deviceLevel === '3' && !!e.familyPlanning);
      expect(fp.inspected).toBeGreaterThanOrEqual(half(fp.n));
      expect(fp.inspected).toBeLessThanOrEqual(half(fp.n));

      const cos = atStation(s.id, (e) => COSMETICS.includes(e.kind));
      expect(cos.inspected).toBeGreaterThanOrEqual(Math.min(big ? 15 : 5, cos.n));
      for (const k of ['cosmetics_maternal', 'cosmetics_store', 'cosmetics_counter']) {
        const sub = atStation(s.id, (e) => e.kind === k);
        expect(sub.inspected, k).toBeGreaterThanOrEqual(half(sub.n));
      }
      for (const k of ['beauty_salon', 'hair_salon', 'hotel', 'bathhouse']) {
        const sub = atStation(s.id, (e) => e.kind === k);
        expect(sub.inspected, k).toBeGreaterThanOrEqual(Math.min(big ? 2 : 1, sub.n));
      }
      for (const t of plan.tasks.filter((x) => x.stationId === s.id)) {
        expect(new Set(t.inspectorIds).size).toBe(2);
        for (const i of t.inspectorIds) expect(s.inspectorPool.map((p) => p.id)).toContain(i);
      }
    });
  }

  it('never plans excluded units (三级医疗机构, the city CDC) or closed ones, and plans the district CDC', () => {
    for (const id of ['x-hospital3', 'x-city-cdc', 'x-closed-pharmacy']) expect(visits.has(id), id).toBe(false);
    expect(visits.get('x-district-cdc')).toBe(1);
  });

  it('reports impossible quotas with the shortfall instead of under-planning silently', () => {
    const cos = plan.shortfalls.filter((s) => s.ruleId === 'cosmetics');
    expect(cos).toContainEqual(expect.objectContaining({ stationShortName: '创新所', required: 15, available: 9, missing: 6 }));
    expect(cos).toContainEqual(expect.objectContaining({ stationShortName: '高采所', required: 5, available: 3, missing: 2 }));
    // Every shortfall is a real one: the population at that station is smaller than required.
    for (const s of plan.shortfalls) expect(s.available).toBeLessThan(s.required);
  });

  it('explains each pick by the rules it serves', () => {
    const fpTask = plan.tasks.find(
      (t) => entities.find((e) => e.id === t.entityId)?.familyPlanning && entities.find((e) => e.id === t.entityId)?.deviceLevel === '3',
    );
    expect(fpTask?.rules.map((r) => r.ruleId)).toEqual(['device_l3_fp']);
    const highRisk = plan.tasks.find((t) => t.reasons.includes('high_risk') && t.rules.some((r) => r.ruleId === 'high_risk_all'));
    expect(highRisk?.rules.map((r) => r.ruleId)).toEqual(expect.arrayContaining(['drug_retail_medical', 'high_risk_all']));
    const cosTask = plan.tasks.find((t) => t.rules.some((r) => r.ruleId === 'cos_hotel'));
    expect(cosTask?.rules.map((r) => r.ruleId)).toEqual(expect.arrayContaining(['cosmetics', 'cos_hotel']));
  });
});
