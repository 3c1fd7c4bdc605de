import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database, Db } from '../db/client.js';
import { buildApp } from '../server/app.js';
import type { ModuleDefinition } from '../server/core/extensions.js';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from '../server/demo/org-data.js';
import { enterTestCalendarYears } from './calendar.js';
import { seedDemoOrg, type DemoOrg } from '../server/demo/seed-org.js';
import { createTestDatabase } from './db.js';

export type { DemoOrg };

/** The demo data's password of an account (admin has its own). */
export const demoPassword = (username: string) => (username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD);

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  org: DemoOrg;
  /** Sign in as a demo account and get a client that sends its cookie and CSRF token. */
  as(username: string, password?: string): Promise<Client>;
  /** Sign in as a demo account the way an API client does, and get its bearer token. */
  bearerToken(username: string): Promise<string>;
  /** A record's current optimistic-concurrency version (what an edit form would have loaded). */
  version(table: 'entities' | 'users' | 'org_units' | 'jurisdictions' | 'tips' | 'campaigns', id: number): Promise<number>;
  /**
   * Waits until the background jobs earlier writes asked for (due now) have run: they write in their
   * own transactions, after the request that asked for them has answered.
   */
  jobsIdle(): Promise<void>;
  close(): Promise<void>;
}

export interface Client {
  csrf: string;
  cookie: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

/** A full app on a fresh database with the demo organisation loaded. */
export async function createTestApp(
  opts: {
    loginRateLimit?: number;
    loginIpRateLimit?: number;
    trustProxy?: boolean | number | string;
    wrapDb?: (db: Db) => Db;
    /** Test-only modules added after the app's own (buildApp's `modules`). */
    modules?: readonly ModuleDefinition[];
    /** The holiday calendar as the package gives it, without the next year the harness enters (calendar tests). */
    packageCalendarOnly?: boolean;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const org = await seedDemoOrg(database.db);
  // wrapDb: the app gets the same database through a wrapper (see interleave.ts), the test keeps the plain one.
  const app = await buildApp({
    db: opts.wrapDb ? opts.wrapDb(database.db) : database.db,
    loginRateLimit: opts.loginRateLimit ?? 1000,
    loginIpRateLimit: opts.loginIpRateLimit ?? 1000,
    trustProxy: opts.trustProxy,
    modules: opts.modules,
  });
  await app.ready();
  if (!opts.packageCalendarOnly) await enterTestCalendarYears(database.db);
  return {
    app,
    database,
    org,
    async as(username, password) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: password ?? demoPassword(username) },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
      // People created with an initial password must change it before the API answers; tests that
      // sign such a person in act as if it had been changed (the rule itself: security/matrix.test.ts).
      if (res.json().user?.mustChangePassword) {
        await database.db.execute(sql`update users set must_change_password = false where lower(username) = lower(${username})`);
      }
      const session = res.cookies.find((c) => c.name === 'yj_session')!.value;
      const csrf = res.json().csrfToken as string;
      return clientFor(app, `yj_session=${session}`, csrf);
    },
    async bearerToken(username) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: demoPassword(username), bearer: true },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
      return res.json().token as string;
    },
    async version(table, id) {
      const res = (await database.db.execute(sql`select version from ${sql.identifier(table)} where id = ${id}`)) as unknown as {
        rows: { version: number }[];
      };
      if (!res.rows[0]) throw new Error(`no ${table} row ${id}`);
      return Number(res.rows[0].version);
    },
    async jobsIdle() {
      for (let i = 0; i < 300; i++) {
        const res = (await database.db.execute(
          sql`select count(*)::int as n from jobs where status = 'running' or (status = 'queued' and run_at <= now())`,
        )) as unknown as { rows: { n: number }[] };
        if (!res.rows[0].n) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('background jobs still running after 15 s');
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export function clientFor(app: FastifyInstance, cookie: string, csrf: string): Client {
  const request = (o: InjectOptions): Promise<LightMyRequestResponse> =>
    app.inject({ ...o, headers: { cookie, 'x-csrf-token': csrf, ...(o.headers ?? {}) } });
  return {
    csrf,
    cookie,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload as any }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as any }),
    put: (url, payload) => request({ method: 'PUT', url, payload: payload as any }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

/** A fresh database holding the demo organisation only (no app): for tests of core rules against real rows. */
export async function createDemoOrgDatabase(): Promise<{ database: Database; org: DemoOrg }> {
  const database = await createTestDatabase();
  return { database, org: await seedDemoOrg(database.db) };
}
