import { registry } from '../index.js';
import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, jurisdictions, orgUnits, users } from '../../../db/schema/index.js';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';
import type { Ctx } from '../../core/context.js';
import { createJurisdiction } from './use-cases/create-jurisdiction.js';
import { createOrgUnit } from './use-cases/create-org-unit.js';
import { createPerson } from './use-cases/create-person.js';
import { resetPassword } from './use-cases/reset-password.js';
import { updateJurisdiction } from './use-cases/update-jurisdiction.js';
import { updateOrgUnit } from './use-cases/update-org-unit.js';
import { updatePerson } from './use-cases/update-person.js';

/** Every organisation write leaves exactly one audit row, written in the same transaction as the change. */
let t: TestApp;
let admin: Client;

const auditCount = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0].n;
const lastAudit = async () => (await t.database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
});
afterAll(() => t.close());

describe('one audit row per write, with before and after', () => {
  const ids: Record<string, number> = {};
  const writes: [string, () => Promise<any>, string, boolean][] = [
    [
      'create jurisdiction',
      () => admin.post('/api/jurisdictions', { parentId: t.org.districtId, name: '测试市场监督管理所' }),
      'jurisdiction.create',
      false,
    ],
    [
      'rename jurisdiction',
      async () =>
        admin.patch(`/api/jurisdictions/${ids.jurisdiction}`, {
          name: '测试二所',
          version: await t.version('jurisdictions', ids.jurisdiction),
        }),
      'jurisdiction.update',
      true,
    ],
    [
      'create unit',
      () =>
        admin.post('/api/org-units', {
          jurisdictionId: ids.jurisdiction,
          kind: 'station',
          name: '测试二市场监督管理所',
          shortName: '测试所',
        }),
      'org_unit.create',
      false,
    ],
    [
      'update unit',
      async () => admin.patch(`/api/org-units/${ids.unit}`, { phone: '0427-7654321', version: await t.version('org_units', ids.unit) }),
      'org_unit.update',
      true,
    ],
    [
      'create person',
      () => admin.post('/api/people', { username: 'audited', displayName: '审计对象', role: 'inspector', orgUnitId: ids.unit }),
      'user.create',
      false,
    ],
    [
      'update person',
      async () =>
        admin.patch(`/api/people/${ids.person}`, { title: '副所长', active: false, version: await t.version('users', ids.person) }),
      'user.update',
      true,
    ],
    ['reset password', () => admin.post(`/api/people/${ids.person}/reset-password`), 'user.reset_password', true],
  ];
  for (const [name, call, action, hasBefore] of writes) {
    it(name, async () => {
      const n = await auditCount();
      const res = await call();
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      if (action === 'jurisdiction.create') ids.jurisdiction = body.id;
      if (action === 'org_unit.create') ids.unit = body.id;
      if (action === 'user.create') ids.person = body.id;
      expect(await auditCount()).toBe(n + 1);
      const row = await lastAudit();
      expect(row.action).toBe(action);
      expect(row.actorName).toBe('系统管理员');
      expect(row.after).toBeTruthy();
      if (hasBefore) expect(row.before).toBeTruthy();
      else expect(row.before).toBeNull();
      expect(JSON.stringify(row)).not.toMatch(/passwordHash|scrypt/);
      if (action === 'user.update') {
        expect((row.before as any).title).toBe(null);
        expect((row.after as any).title).toBe('副所长');
        expect((row.after as any).active).toBe(false);
      }
    });
  }
  it('a refused write leaves no audit row', async () => {
    const viewer = await t.as('viewer'); // signing in is audited itself
    const n = await auditCount();
    const version = await t.version('org_units', ids.unit);
    expect((await viewer.patch(`/api/org-units/${ids.unit}`, { name: '不许改', version })).statusCode).toBe(403);
    const dup = await admin.patch(`/api/org-units/${ids.unit}`, { name: '化妆品股', jurisdictionId: t.org.districtId, version });
    expect(dup.json().code).toBe('CONFLICT');
    expect(await auditCount()).toBe(n);
  });
});

describe('change and audit share one transaction', () => {
  /**
   * An actor without a name makes the audit insert violate its NOT NULL constraint *after* the
   * change was written in the same transaction. Neither the change nor an audit row may remain.
   */
  let broken: Ctx;
  beforeAll(async () => {
    const [a] = await t.database.db.select().from(users).where(eq(users.username, 'admin'));
    broken = {
      ext: registry(),
      db: t.database.db,
      actor: {
        id: a.id,
        username: 'admin',
        name: null as unknown as string,
        role: 'admin',
        scope: 'all',
        orgUnitId: a.orgUnitId,
        jurisdictionId: a.jurisdictionId,
        jurisdictionPath: '/',
      },
    };
  });

  async function state() {
    const db = t.database.db;
    const n = async (table: any) => (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
    const xl = t.org.stations['兴隆'];
    const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, xl.jurisdictionId));
    const [u] = await db.select().from(orgUnits).where(eq(orgUnits.id, xl.orgUnitId));
    const [p] = await db.select().from(users).where(eq(users.username, 'inspector_xl'));
    return { audit: await n(auditLog), users: await n(users), units: await n(orgUnits), jurisdictions: await n(jurisdictions), j, u, p };
  }

  it('rolls back every org write when its audit row fails', async () => {
    const xl = t.org.stations['兴隆'];
    const [p] = await t.database.db.select().from(users).where(eq(users.username, 'inspector_xl'));
    const before = await state();
    const attempts: [string, () => Promise<unknown>][] = [
      ['createJurisdiction', () => createJurisdiction(broken, { parentId: xl.jurisdictionId, name: '回滚街道' })],
      [
        'updateJurisdiction',
        async () =>
          updateJurisdiction(broken, xl.jurisdictionId, { name: '回滚所', version: await t.version('jurisdictions', xl.jurisdictionId) }),
      ],
      ['createOrgUnit', () => createOrgUnit(broken, { jurisdictionId: xl.jurisdictionId, kind: 'department', name: '回滚股' })],
      [
        'updateOrgUnit',
        async () =>
          updateOrgUnit(broken, xl.orgUnitId, { name: '回滚所', phone: '110', version: await t.version('org_units', xl.orgUnitId) }),
      ],
      [
        'createPerson',
        () => createPerson(broken, { username: 'rollback', displayName: '回滚', role: 'inspector', orgUnitId: xl.orgUnitId }),
      ],
      ['updatePerson', () => updatePerson(broken, p.id, { displayName: '回滚', active: false, version: p.version })],
      ['resetPassword', () => resetPassword(broken, p.id)],
    ];
    for (const [name, run] of attempts) {
      await expect(run(), name).rejects.toThrow();
      expect(await state(), name).toEqual(before);
    }
  });
});
