import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../contracts/credit-code.js';
import type { CoverageDto, PlanSummary, PlanTask } from '../../../contracts/plans.js';
import type { ProductCode } from '../../../contracts/products.js';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';

/**
 * Issue #16 through the API: a city bureau's campaign with overlapping phases, a quota counted per
 * county (县（市、区）) and populations chosen by 经营品种 (`productsAny`), planned and covered on a
 * small registry made here (no demo registry), so the units the plan must choose are known exactly.
 * Also the bad inputs the issue lists: each a 400 naming the field, nothing stored.
 */
let t: TestApp;
let admin: Client;
let office: Client;
const ids: Record<string, number> = {};
const rows = async (q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as any).rows as any[];
const campaignCount = async () => Number((await rows(sql`select count(*)::int as n from campaigns`))[0].n);

/** name → [station short name, kind, products] */
const UNITS: Record<string, [string, string, ProductCode[]]> = {
  W1: ['创新', 'drug_wholesaler', ['cold_medicine']],
  W2: ['兴隆', 'drug_wholesaler', ['cold_medicine', 'essential_medicine']],
  W3: ['创新', 'drug_wholesaler', ['essential_medicine']],
  W4: ['查干', 'drug_wholesaler', ['cold_medicine', 'ephedrine_compound']],
  W5: ['巴彦', 'drug_wholesaler', ['otc_drugs']],
  M1: ['查干', 'drug_manufacturer', ['essential_medicine']],
  M2: ['创新', 'drug_manufacturer', ['prescription_drugs']],
  P1: ['查干', 'pharmacy_single', ['cold_medicine']],
};

const plan = () => ({
  schemaVersion: 1,
  name: '感冒药和基本药物专项检查',
  issuer: '盘锦市市场监督管理局',
  issuedOn: '2026-02-20',
  period: { from: '2026-03-01', to: '2026-11-30' },
  // A holiday patrol inside the inspection window: phases may overlap.
  phases: [
    { key: 'inspect', name: '集中检查', from: '2026-03-01', to: '2026-10-31' },
    { key: 'holiday', name: '国庆节日巡查', from: '2026-09-25', to: '2026-10-08' },
  ],
  quotas: [
    {
      id: 'cold-wholesalers',
      label: '经营感冒药的批发企业，每县（市、区）至少1家',
      population: { kinds: ['drug_wholesaler'], productsAny: ['cold_medicine'] },
      per: 'county',
      target: { type: 'count', min: 1 },
      window: { phase: 'inspect' },
    },
    {
      id: 'essential-wholesalers',
      label: '经营国家基本药物的批发企业全覆盖（每所）',
      population: { kinds: ['drug_wholesaler'], productsAny: ['essential_medicine'] },
      target: { type: 'all' },
      window: { phase: 'inspect' },
    },
    {
      id: 'essential-makers',
      label: '国家基本药物生产企业节日巡查全覆盖',
      population: { kinds: ['drug_manufacturer'], productsAny: ['essential_medicine'] },
      per: 'campaign',
      target: { type: 'all' },
      window: { phase: 'holiday' },
    },
  ],
  obligations: [
    {
      key: 'county-summary',
      label: '各县（市、区）局工作总结',
      rule: { once: '2026-12-05' },
      submitters: ['各县（市、区）局'],
      recipient: '本局',
      form: { type: 'narrative', sections: [{ title: '工作情况' }] },
    },
  ],
  organisation: { office: { unit: '本局' } },
});

beforeAll(async () => {
  t = await createTestApp();
  [admin, office] = await Promise.all([t.as('admin'), t.as('office')]);
  let n = 0;
  for (const [name, [station, kind, products]] of Object.entries(UNITS)) {
    const res = await admin.post('/api/entities', {
      name: `${name}测试单位`,
      creditCode: makeCreditCode('91', '211103', String(71000000 + ++n)),
      kind,
      jurisdictionId: t.org.stations[station].jurisdictionId,
      products,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().products).toEqual(products);
    ids[name] = res.json().id;
  }
});
afterAll(() => t?.close());

describe('a city campaign with a county-scoped quota and a products selector', () => {
  let campaignId: number;
  let planned: PlanSummary;
  let tasks: PlanTask[];

  beforeAll(async () => {
    const res = await admin.post('/api/campaigns', { jurisdictionId: t.org.cityId, definition: plan(), status: 'active' });
    expect(res.statusCode, res.body).toBe(200);
    campaignId = res.json().id;
    // The county summary is due after the campaign's end: kept, with a warning.
    expect(res.json().warnings).toEqual([
      { path: 'obligations.0.rule.once', code: 'DEADLINE_AFTER_END', message: expect.stringContaining('晚于行动结束') },
    ]);
    const p = await admin.post('/api/plans', { campaignId, seed: 7 });
    expect(p.statusCode, p.body).toBe(200);
    planned = p.json();
    tasks = (await admin.get(`/api/plans/${planned.id}/tasks?pageSize=100&page=1`)).json().items;
  });

  it('plans exactly the units the rules require, with the fewest inspections', () => {
    // 兴隆台区: W1 or W2 deal in cold medicines; W2 is required anyway (essential medicines, 兴隆所), so
    // the minimum plan takes W2 for both. 查干旗: W4 (P1 is a pharmacy, not a wholesaler). Essential
    // medicines: W3 (创新所) and W2 (兴隆所); makers: M1 only (M2 makes prescription drugs only).
    expect(planned).toMatchObject({ optimal: true, taskCount: 4, minimum: 4 });
    const chosen = tasks.map((x) => x.entityId).sort((a, b) => a - b);
    expect(chosen).toEqual([ids.W2, ids.W3, ids.W4, ids.M1].sort((a, b) => a - b));
    // The maker is inspected inside the holiday patrol, which lies inside the inspection phase.
    const m1 = tasks.find((x) => x.entityId === ids.M1)!;
    expect(m1.dueFrom! >= '2026-09-25' && m1.dueTo! <= '2026-10-08', JSON.stringify(m1)).toBe(true);
  });

  it('covers the quota per county, each county a row with the units it has', async () => {
    const res = await admin.get(`/api/plans/${planned.id}/coverage`);
    expect(res.statusCode, res.body).toBe(200);
    const cov: CoverageDto = res.json();
    const county = cov.rows.filter((r) => r.ruleId === 'cold-wholesalers');
    expect(
      county.map((r) => ({ area: r.area, stationId: r.stationId, required: r.required, available: r.available, done: r.done })),
    ).toEqual(
      expect.arrayContaining([
        { area: { level: 'county', id: String(t.org.districtId) }, stationId: null, required: 1, available: 2, done: 0 },
        { area: { level: 'county', id: String(t.org.bannerId) }, stationId: null, required: 1, available: 1, done: 0 },
      ]),
    );
    expect(county).toHaveLength(2);
    // Each county's row names it, for the pages (the row has no station).
    expect(county.map((r) => r.areaName).sort()).toEqual(['兴隆台区', '查干旗'].sort());
    expect(cov.rows.filter((r) => !r.area).every((r) => r.areaName == null)).toBe(true);
    const per = (rule: string) =>
      cov.rows
        .filter((r) => r.ruleId === rule)
        .map((r) => [r.stationShortName, r.required])
        .sort();
    expect(per('essential-wholesalers')).toEqual(
      [
        ['兴隆所', 1],
        ['创新所', 1],
      ].sort(),
    );
    expect(per('essential-makers')).toEqual([[null, 1]]);
    expect(cov.totals).toMatchObject({ required: 5, done: 0, remaining: 5 });
  });

  it('lists each county bureau as a submitter of the level obligation', async () => {
    const res = await admin.get(`/api/reports/campaigns/${campaignId}/calendar`);
    expect(res.statusCode, res.body).toBe(200);
    const names = res
      .json()
      .units.map((u: { name: string }) => u.name)
      .sort();
    expect(names).toEqual(['兴隆台区市场监督管理局', '查干旗市场监督管理局'].sort());
    for (const u of res.json().units) expect(u.entries.map((e: { dueDate: string }) => e.dueDate)).toEqual(['2026-12-05']);
  });
});

describe('bad campaign input (issue #16): a 400 naming the field, nothing stored', () => {
  const phaseBad = () => {
    const d = plan();
    d.phases[1] = { ...d.phases[1], from: '2026-10-08', to: '2026-09-25' };
    return d;
  };
  const cases: [string, () => unknown, 'admin' | 'office', string][] = [
    ['a phase ending before it starts', phaseBad, 'admin', 'phases.1.to'],
    [
      'a submitter level the bureau does not have',
      () => ({ ...plan(), issuer: '兴隆台区市场监督管理局', obligations: [{ ...plan().obligations[0], submitters: ['各市（州）局'] }] }),
      'office',
      'obligations.0.submitters.0',
    ],
    [
      "a quota scope level above the campaign's issuer",
      () => ({ ...plan(), issuer: '兴隆台区市场监督管理局', obligations: [], quotas: [{ ...plan().quotas[0], per: 'city' }] }),
      'office',
      'quotas.0.per',
    ],
    [
      'a products selector naming an unknown product',
      () => ({ ...plan(), quotas: [{ ...plan().quotas[2], population: { kinds: ['drug_manufacturer'], productsAny: ['unicorn_horn'] } }] }),
      'admin',
      'quotas.0.population.productsAny.0',
    ],
    [
      'an event-triggered obligation with no event kind',
      () => ({ ...plan(), obligations: [{ ...plan().obligations[0], rule: { type: 'event', withinHours: 24 } }] }),
      'admin',
      'obligations.0.rule.event',
    ],
  ];
  for (const [what, def, who, path] of cases) {
    it(`refuses ${what}`, async () => {
      const before = await campaignCount();
      const c = who === 'admin' ? admin : office;
      const body = { definition: def(), status: 'active', ...(who === 'admin' ? { jurisdictionId: t.org.cityId } : {}) };
      const res = await c.post('/api/campaigns', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining(path) });
      expect(res.json().details.map((d: { path: string }) => d.path)).toContain(path);
      expect(await campaignCount()).toBe(before);
    });
  }
});
