import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuotaRule } from '../../../contracts/quota-rules.js';
import { seedDemoCampaigns } from '../../demo/seed-campaigns.js';
import { seedDemoEntities } from '../../demo/seed-entities.js';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { cachedPlanIds, doneInspections, planContext } from './coverage-source.js';
import { computeCoverage, type PlannerCampaign } from './engine/index.js';
import { areaStations, contextOf, loadPlanningInput, registryFingerprint } from './loader.js';
import { getPlan } from './queries.js';

/**
 * Coverage after a registry change (issue 18, item 2): the cached requirements are patched for the
 * changed stations only, and must equal a full rebuild from the database after any sequence of
 * edits — attributes that rules select by, moves between stations, new, closed and deleted units.
 */
let t: TestApp;
let planId: number;
const rows = async (q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as any).rows as any[];

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoEntities(t.database.db, t.org);
  await seedDemoCampaigns(t.database.db, t.org);
  const [{ id: campaignId }] = await rows(sql`select id from campaigns where template_code = 'seed-000'`);
  const office = await t.as('office');
  const res = await office.post('/api/plans', { campaignId, seed: 7 });
  expect(res.statusCode, res.body).toBe(200);
  planId = res.json().id;
  // Two thirds of the plan done, so coverage has something to count.
  await rows(sql`insert into inspections (entity_id, jurisdiction_id, plan_id, status, date, inspector_ids, recorded_at)
    select entity_id, jurisdiction_id, plan_id, 'done', coalesce(due_to, date '2022-06-01'), inspector_ids, now() from plan_tasks
    where plan_id = ${planId} and id % 3 <> 0`);
}, 180_000);
afterAll(() => t.close());

const KINDS = ['pharmacy_single', 'pharmacy_chain', 'clinic', 'device_dealer', 'medical_institution', 'vaccination_site'];
type Edit =
  | { op: 'attrs'; pick: number; kind: number; risk: 'high' | 'low'; credit: string | null; tag: boolean }
  | { op: 'move'; pick: number; to: number }
  | { op: 'status'; pick: number; status: 'operating' | 'suspended' | 'closed' }
  | { op: 'insert'; to: number; kind: number }
  | { op: 'delete' };
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    op: fc.constant('attrs' as const),
    pick: fc.nat(),
    kind: fc.nat(),
    risk: fc.constantFrom('high' as const, 'low' as const),
    credit: fc.constantFrom('A', 'C', 'D', null),
    tag: fc.boolean(),
  }),
  fc.record({ op: fc.constant('move' as const), pick: fc.nat(), to: fc.nat() }),
  fc.record({
    op: fc.constant('status' as const),
    pick: fc.nat(),
    status: fc.constantFrom('operating' as const, 'suspended' as const, 'closed' as const),
  }),
  fc.record({ op: fc.constant('insert' as const), to: fc.nat(), kind: fc.nat() }),
  fc.record({ op: fc.constant('delete' as const) }),
);

async function apply(e: Edit, stations: number[]) {
  const unit = async (pick: number) => {
    const [{ n }] = await rows(sql`select count(*)::int as n from entities`);
    return (await rows(sql`select id from entities order by id offset ${pick % n} limit 1`))[0].id as number;
  };
  if (e.op === 'attrs')
    await rows(sql`update entities set kind = ${KINDS[e.kind % KINDS.length]}, risk_level = ${e.risk}, credit_grade = ${e.credit},
      tags = ${e.tag ? sql`array['城乡接合部']` : sql`'{}'::text[]`}, updated_at = now() where id = ${await unit(e.pick)}`);
  else if (e.op === 'move')
    await rows(sql`update entities set jurisdiction_id = ${stations[e.to % stations.length]} where id = ${await unit(e.pick)}`);
  else if (e.op === 'status') await rows(sql`update entities set status = ${e.status} where id = ${await unit(e.pick)}`);
  else if (e.op === 'insert')
    await rows(
      sql`insert into entities (name, kind, jurisdiction_id) values ('新开药店', ${KINDS[e.kind % KINDS.length]}, ${stations[e.to % stations.length]})`,
    );
  // Only units this test made are deleted (others have inspections that refer to them).
  else await rows(sql`delete from entities where id = (select max(id) from entities where name = '新开药店')`);
}

describe('coverage after registry changes', () => {
  it('patched requirements equal a full rebuild after random edits, on this database', async () => {
    const db = t.database.db;
    const p = await getPlan(db, planId);
    const stations = (await rows(sql`select id from jurisdictions where level = 'station' and path like ${p.path + '%'} order by id`)).map(
      (r) => r.id as number,
    );
    expect(stations.length).toBeGreaterThan(1);
    await planContext(db, p); // cached
    let patches = 0;
    let changes = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 4 }), async (edits) => {
        const before = await registryFingerprint(db, areaStations(p.path));
        for (const e of edits) await apply(e, stations);
        // (A delete with no unit of this test's to delete changes nothing.)
        if ((await registryFingerprint(db, areaStations(p.path))) !== before) changes++;
        const cached = await planContext(db, p);
        if (cached.builtBy === 'patch') patches++;
        const { input } = await loadPlanningInput(db, p.path, p.plan.rules as QuotaRule[], p.plan.period as PlannerCampaign, {
          recusal: false,
        });
        const full = contextOf(input);
        expect(cached.context.entities).toEqual(full.entities);
        expect(cached.context.requirements).toEqual(full.requirements);
        expect(cached.context.shortfalls).toEqual(full.shortfalls);
        expect(cached.context.entityReqs).toEqual(full.entityReqs);
        const facts = await doneInspections(db, p);
        expect(computeCoverage(cached.context, facts)).toEqual(computeCoverage(full, facts));
      }),
      { numRuns: 12, seed: 18 },
    );
    // Every change was patched in, not rebuilt (a few stations out of many each time).
    expect(changes).toBeGreaterThan(8);
    expect(patches).toBe(changes);
    expect(cachedPlanIds(db)).toContain(planId);
  }, 180_000);
});
