import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../db/client.js';
import { buildApp } from '../../app.js';
import { createTestDatabase } from '../../../test/db.js';
import { createAdmin } from './use-cases/create-admin.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

it('bootstraps an empty production database with an administrator and no default password', async () => {
  const app = await buildApp({ db: database.db });
  const before = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'admin123' } });
  expect(before.statusCode).toBe(401);
  await expect(createAdmin(database.db, { username: 'root', password: 'short' })).rejects.toThrow(/密码/);
  const r = await createAdmin(database.db, { username: 'root', password: 'Str0ngPassw0rd', region: '某某省' });
  expect(r.created).toBe(true);
  const ok = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'root', password: 'Str0ngPassw0rd' } });
  expect(ok.statusCode).toBe(200);
  expect(ok.json().user).toMatchObject({ role: 'admin', jurisdictionName: '某某省' });
  // Running it again resets the password instead of duplicating the account.
  expect((await createAdmin(database.db, { username: 'root', password: 'An0therPassw0rd' })).created).toBe(false);
  const old = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'root', password: 'Str0ngPassw0rd' } });
  expect(old.statusCode).toBe(401);
  await app.close();
});
