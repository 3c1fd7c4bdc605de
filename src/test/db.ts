import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client.js';

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or (YJ_TEST_DB=postgres)
 * a new database on the server in DATABASE_URL, dropped again on close.
 */
export async function createTestDatabase(): Promise<Database> {
  if (process.env.YJ_TEST_DB === 'postgres') {
    const base = process.env.DATABASE_URL;
    if (!base) throw new Error('YJ_TEST_DB=postgres needs DATABASE_URL');
    const name = `yj_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString() });
    await database.migrate();
    const close = database.close;
    database.close = async () => {
      await close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
    return database;
  }
  const database = await openDatabase({});
  await database.migrate();
  return database;
}
