import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { jurisdictions, users } from '../../db/schema/index.js';
import { createDemoOrgDatabase, type DemoOrg } from '../../test/app.js';
import { ROLE_PERMISSIONS, PERMISSIONS, type DataScope } from '../../contracts/permissions.js';
import { systemActor, type Actor } from './context.js';
import { pathInScope, scopeWhere, type ScopeColumns } from './scope.js';

/**
 * scopeWhere for each data scope, run against the demo organisation's people: the rows each scope
 * lets through, compared with the same selection made in plain code from the users' units and areas.
 */
let database: Database;
let org: DemoOrg;
let people: { id: number; username: string; orgUnitId: number; jurisdictionId: number; path: string }[];

beforeAll(async () => {
  ({ database, org } = await createDemoOrgDatabase());
  people = await database.db
    .select({
      id: users.id,
      username: users.username,
      orgUnitId: users.orgUnitId,
      jurisdictionId: users.jurisdictionId,
      path: jurisdictions.path,
    })
    .from(users)
    .innerJoin(jurisdictions, eq(jurisdictions.id, users.jurisdictionId));
});
afterAll(() => database?.close());

/** The inspector of 创新所 acting with the given data scope. */
function inspectorWith(scope: DataScope, jurisdictionPath?: string): Actor {
  const p = people.find((x) => x.username === 'inspector_cx')!;
  return {
    id: p.id,
    username: p.username,
    name: '创新所检查员',
    role: 'inspector',
    scope,
    orgUnitId: p.orgUnitId,
    jurisdictionId: p.jurisdictionId,
    jurisdictionPath: jurisdictionPath ?? p.path,
  };
}

/** The people the condition lets through, with the condition inside SQL text as most callers write it. */
async function visible(actor: Actor, cols: Omit<ScopeColumns, 'jurisdiction'> = {}) {
  const res = await database.db.execute(
    sql`select u.id from users u where ${scopeWhere(actor, { jurisdiction: sql`u.jurisdiction_id`, ...cols })}`,
  );
  return (res.rows as { id: number }[]).map((r) => Number(r.id)).sort((a, b) => a - b);
}
const ids = (f: (p: (typeof people)[number]) => boolean) =>
  people
    .filter(f)
    .map((p) => p.id)
    .sort((a, b) => a - b);

describe('scopeWhere', () => {
  it("'all' lets every row through", async () => {
    expect(await visible(inspectorWith('all'))).toEqual(ids(() => true));
  });

  it("'jurisdiction' lets through the actor's area and everything below it, nothing beside it", async () => {
    const station = inspectorWith('jurisdiction');
    const mine = ids((p) => p.path.startsWith(station.jurisdictionPath));
    // The station's own people, its township coordinators and its village informant.
    expect(people.filter((p) => mine.includes(p.id) && p.jurisdictionId !== station.jurisdictionId).length).toBeGreaterThan(1);
    expect(await visible(station)).toEqual(mine);
    const districtPath = people.find((p) => p.username === 'leader')!.path;
    const district = await visible(inspectorWith('jurisdiction', districtPath));
    expect(district).toEqual(ids((p) => p.path.startsWith(districtPath)));
    expect(district).toEqual(expect.arrayContaining(mine));
    expect(district.some((id) => people.find((p) => p.id === id)!.jurisdictionId === org.stations['查干'].jurisdictionId)).toBe(false);
  });

  it("'unit' lets through the actor's org unit when the rows have one, else exactly the actor's own jurisdiction (not below it)", async () => {
    const actor = inspectorWith('unit');
    const unit = ids((p) => p.orgUnitId === actor.orgUnitId);
    const sameArea = ids((p) => p.jurisdictionId === actor.jurisdictionId);
    expect(unit).not.toEqual(sameArea); // the unit's coordinators sit in its townships
    expect(await visible(actor, { unit: sql`u.org_unit_id` })).toEqual(unit);
    expect(await visible(actor)).toEqual(sameArea);
  });

  it("'own' lets through the actor's own rows when the rows have an owner, else none", async () => {
    const actor = inspectorWith('own');
    expect(await visible(actor, { owner: sql`u.id` })).toEqual([actor.id]);
    expect(await visible(actor, { unit: sql`u.org_unit_id` })).toEqual([]);
  });
});

describe('the system actor (CLI tasks, demo seeding, imports run outside a request)', () => {
  it('sees every row and every area, holds every permission, and is no person (id 0, named 系统)', async () => {
    const sys = systemActor();
    expect(await visible(sys)).toEqual(ids(() => true));
    expect(pathInScope(sys, '/8/9/')).toBe(true);
    expect(pathInScope(systemActor('/1/2/'), '/3/')).toBe(true);
    expect(ROLE_PERMISSIONS[sys.role]).toEqual(expect.arrayContaining(Object.keys(PERMISSIONS)));
    expect(sys).toMatchObject({ id: 0, name: '系统', orgUnitId: 0, jurisdictionId: 0 });
  });
});

describe('pathInScope', () => {
  it('is true for the own area and below, false beside and above; always true for the whole-data scope', () => {
    const actor = { scope: 'jurisdiction' as const, jurisdictionPath: '/1/2/' };
    expect(pathInScope(actor, '/1/2/')).toBe(true);
    expect(pathInScope(actor, '/1/2/7/')).toBe(true);
    expect(pathInScope(actor, '/1/3/')).toBe(false);
    expect(pathInScope(actor, '/1/')).toBe(false);
    expect(pathInScope({ scope: 'all', jurisdictionPath: '/1/2/' }, '/1/3/')).toBe(true);
  });
});
