import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import { createTestDatabase } from '../../test/db.js';
import { audit, auditMany } from './audit.js';
import { systemActor, type Actor } from './context.js';

/**
 * The audit row itself, read back from the database: who (a person, or the system as no one),
 * what, on which record, before/after without secrets, from where. Found by mutation testing: the
 * route-level tests kept passing with the secret filter emptied or the bulk writer dropping rows.
 */
let database: Database;
let db: Db;
const inspector: Actor = {
  id: 42,
  username: 'wang',
  name: '王检查',
  role: 'inspector',
  scope: 'jurisdiction',
  orgUnitId: 3,
  jurisdictionId: 7,
  jurisdictionPath: '/1/7/',
};

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

const rowsOf = (summary: string) => db.select().from(auditLog).where(eq(auditLog.summary, summary)).orderBy(asc(auditLog.id));

describe('audit', () => {
  it('stores who, what, which record, where and from which address', async () => {
    await audit(
      db,
      { actor: inspector, ip: '10.0.0.8' },
      { action: 'entity.update', entityType: 'entity', entityId: 1234, jurisdictionId: 7, summary: 'who' },
    );
    const [r] = await rowsOf('who');
    expect(r).toMatchObject({
      actorId: 42,
      actorName: '王检查',
      action: 'entity.update',
      entityType: 'entity',
      entityId: '1234',
      jurisdictionId: 7,
      ip: '10.0.0.8',
      before: null,
      after: null,
    });
  });

  it('records the system as no person, and a missing record id, jurisdiction or address as empty', async () => {
    await audit(db, { actor: systemActor() }, { action: 'entity.create', entityType: 'entity', summary: 'system' });
    const [r] = await rowsOf('system');
    expect(r).toMatchObject({ actorId: null, actorName: '系统', entityId: null, jurisdictionId: null, ip: null });
  });

  it('keeps before/after as JSON without passwords, hashes or CSRF tokens, at any depth; big integers as text', async () => {
    const before = { name: '万光药店', passwordHash: '$argon2id$x', nested: { password: 'demo1234', keep: 1, csrfToken: 't' } };
    const after = {
      name: '万光大药房',
      count: 10n,
      list: [{ password: 'p', id: 3 }],
      at: new Date('2026-12-01T00:00:00Z'),
      gone: undefined,
    };
    await audit(
      db,
      { actor: inspector },
      { action: 'entity.update', entityType: 'entity', entityId: '9', summary: 'secrets', before, after },
    );
    const [r] = await rowsOf('secrets');
    expect(r!.before).toEqual({ name: '万光药店', nested: { keep: 1 } });
    expect(r!.after).toEqual({ name: '万光大药房', count: '10', list: [{ id: 3 }], at: '2026-12-01T00:00:00.000Z' });
    expect(JSON.stringify(r)).not.toMatch(/argon2|demo1234|csrf/i);
  });

  it('writes every row of a bulk change, exactly two full 1,000-row statements, and nothing for none', async () => {
    const entries = Array.from({ length: 2_000 }, (_, i) => ({
      action: 'entity.update' as const,
      entityType: 'entity' as const,
      entityId: i + 1,
      summary: 'bulk',
      after: { i },
    }));
    await db.transaction((tx) => auditMany(tx, { actor: inspector }, entries));
    const rows = await rowsOf('bulk');
    expect(rows.map((r) => r.entityId)).toEqual(entries.map((e) => String(e.entityId)));
    expect(rows.every((r) => r.actorId === 42)).toBe(true);
    const count = (await db.select().from(auditLog)).length;
    await auditMany(db, { actor: inspector }, []);
    expect((await db.select().from(auditLog)).length).toBe(count);
  });
});
