import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.js';
import { ROLE_DEFAULT_SCOPE, ROLES, type Role } from '../../contracts/permissions.js';
import { clientFor, type Client } from '../../test/app.js';
import { createTestDatabase } from '../../test/db.js';
import { buildApp } from '../app.js';
import type { ModuleDefinition } from '../core/extensions.js';
import { seedDemo } from '../demo/index.js';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from '../demo/org-data.js';

export const q = async <T = any>(database: Database, query: ReturnType<typeof sql>): Promise<T[]> =>
  ((await database.db.execute(query)) as any).rows as T[];

/** A route as Fastify registered it (from `app.routeTable`). */
export interface Route {
  method: string;
  url: string;
  access: string;
}

/** The full demo data (campaigns, a published plan, tips) on a fresh database, and the app over it. */
export async function startDemoApp(opts: { modules?: readonly ModuleDefinition[] } = {}) {
  const database = await createTestDatabase();
  await seedDemo(database.db, { adminMustChangePassword: false });
  const app = await buildApp({ db: database.db, loginRateLimit: 10_000, loginIpRateLimit: 10_000, modules: opts.modules });
  await app.ready();
  return { app, database };
}

export async function signIn(app: FastifyInstance, username: string, password?: string): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: password ?? (username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD) },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
  return clientFor(app, `yj_session=${res.cookies.find((c) => c.name === 'yj_session')!.value}`, res.json().csrfToken);
}

/**
 * One person of every non-admin role in another county (查干旗), with the role's default scope.
 * Everything the demo keeps in 兴隆台区 lies outside their area. Returns their user names.
 */
export async function otherCountyPeople(database: Database): Promise<Record<Exclude<Role, 'admin'>, string>> {
  const [county] = await q(database, sql`select id, path from jurisdictions where name = '查干旗'`);
  const [station] = await q(
    database,
    sql`select id, path from jurisdictions where level = 'station' and path like ${county.path + '%'} order by id limit 1`,
  );
  const [township] = await q(
    database,
    sql`select id from jurisdictions where level = 'township' and path like ${station.path + '%'} order by id limit 1`,
  );
  const [bureau] = await q(database, sql`select id from org_units where jurisdiction_id = ${county.id} order by id limit 1`);
  const [stationUnit] = await q(database, sql`select id from org_units where jurisdiction_id = ${station.id} order by id limit 1`);
  const [{ hash }] = await q(database, sql`select password_hash as hash from users where username = 'leader'`);
  const out = {} as Record<Exclude<Role, 'admin'>, string>;
  for (const role of ROLES) {
    if (role === 'admin') continue;
    const atStation = role === 'station_head' || role === 'inspector';
    const grassroots = role === 'coordinator' || role === 'informant';
    const username = `cg_${role}`;
    await q(
      database,
      sql`insert into users (username, display_name, password_hash, role, data_scope, org_unit_id, jurisdiction_id)
          values (${username}, ${'查干' + role.slice(0, 6)}, ${hash}, ${role}, ${ROLE_DEFAULT_SCOPE[role]},
                  ${atStation || grassroots ? stationUnit.id : bureau.id}, ${grassroots ? township.id : atStation ? station.id : county.id})`,
    );
    out[role] = username;
  }
  return out;
}
