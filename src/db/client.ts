import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** Both drivers expose the same query builder; we type against node-postgres. */
export type Db = NodePgDatabase<Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Raw client, for tests and tools that need it (PGlite dump, pg pool stats). */
  raw: PGlite | pg.Pool;
}

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite is used. */
  url?: string;
  /** PGlite data folder; `memory://` or undefined for in-memory. */
  dataDir?: string;
  /** PGlite: load a previously dumped data directory (tests use this to skip migrations). */
  loadDataDir?: Blob;
}

const prepare = sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`;

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: Number(process.env.PG_POOL_MAX ?? 10) });
    // An idle pooled connection can die (server restart, administrator terminate, dropped database):
    // without a listener node-postgres would crash the process; the pool replaces the connection.
    const onError = (err: Error & { code?: string }) => {
      if (err.code !== '57P01') console.warn(`PostgreSQL idle connection error: ${err.message}`);
    };
    pool.on('error', onError);
    // A connection the pool has let go of (pool.end() returns before its sockets close) has no pool
    // listener any more: a terminate arriving then (a dropped test database, a server shutdown) would
    // crash the process. Each connection keeps a listener of its own.
    pool.on('connect', (client) => client.on('error', onError));
    const db = drizzlePg(pool, { schema });
    return {
      db,
      kind: 'postgres',
      raw: pool,
      async migrate() {
        await db.execute(prepare);
        await migratePg(db, { migrationsFolder });
      },
      async close() {
        await pool.end();
      },
    };
  }
  const onDisk = opts.dataDir && !opts.dataDir.startsWith('memory://') ? opts.dataDir : undefined;
  if (onDisk && checkDataDir(onDisk) === 'new' && readdirSync(onDisk).length > 0) await initDataDir(onDisk);
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir: opts.dataDir, extensions: { pg_trgm }, loadDataDir: opts.loadDataDir });
  } catch (e) {
    if (!onDisk) throw e;
    throw new DataDirError(
      onDisk,
      '无法打开其中的嵌入式数据库（文件可能已损坏，或由其他程序、其他版本创建）',
      'the embedded database in it cannot be opened (damaged, or made by another program or version)',
      e,
    );
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    raw: client,
    async migrate() {
      await db.execute(prepare);
      await migratePglite(db as any, { migrationsFolder });
    },
    async close() {
      await client.close();
    },
  };
}

/** The embedded database folder cannot be used; the message says why, in Chinese and English. */
export class DataDirError extends Error {
  constructor(dir: string, zh: string, en: string, cause?: unknown) {
    const detail = cause ? ` (${(cause as Error)?.message || String(cause)})` : '';
    super(`数据文件夹 DATA_DIR=${dir} 不可用：${zh}。\nDATA_DIR=${dir} cannot be used: ${en}.${detail}`, { cause });
    this.name = 'DataDirError';
  }
}

/**
 * Files a person or a tool may leave in an empty data folder; anything else is another program's.
 * `templates/` holds a bureau's own document templates (core/documents), which may come first.
 */
const HARMLESS = /^(\..*|.*\.(log|txt|md)|readme.*|lost\+found|templates)$/i;
/** PostgreSQL's data folder format that the bundled PGlite reads. */
const PG_MAJOR = '17';

/**
 * Decide whether DATA_DIR holds our database (`existing`) or may receive a new one (`new`: missing,
 * empty, or holding only harmless files such as `.gitkeep` or a log); refuse anything else with a
 * message that says what is wrong.
 */
export function checkDataDir(dir: string): 'existing' | 'new' {
  if (!existsSync(dir)) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw new DataDirError(dir, '无法创建该文件夹', 'the folder cannot be created', e);
    }
    return 'new';
  }
  if (!statSync(dir).isDirectory()) throw new DataDirError(dir, '这是一个文件，不是文件夹', 'it is a file, not a folder');
  try {
    accessSync(dir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (e) {
    throw new DataDirError(dir, '当前用户没有读写权限', 'the current user cannot read and write it', e);
  }
  const version = path.join(dir, 'PG_VERSION');
  if (existsSync(version)) {
    const major = readFileSync(version, 'utf8').trim();
    if (major !== PG_MAJOR) {
      throw new DataDirError(
        dir,
        `其中是 PostgreSQL ${major} 的数据文件，嵌入式数据库只能打开 PostgreSQL ${PG_MAJOR} 的数据`,
        `it holds PostgreSQL ${major} data; the embedded database opens PostgreSQL ${PG_MAJOR} data only`,
      );
    }
    return 'existing';
  }
  const foreign = readdirSync(dir).filter((f) => !HARMLESS.test(f));
  if (foreign.length) {
    const list = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? ` …(${foreign.length})` : '');
    throw new DataDirError(
      dir,
      `文件夹不是空的，也不是药监通的数据库（其中有：${list}）；请指定一个空文件夹或原有的数据文件夹`,
      `the folder is not empty and holds no 药监通 database (it contains: ${list}); use an empty folder or an existing data folder`,
    );
  }
  return 'new';
}

/**
 * PostgreSQL creates a database only in an empty folder. A new one is created in an empty folder
 * inside DATA_DIR and its files are then moved up beside the harmless ones (PG_VERSION last, so an
 * interrupted move is refused at the next start instead of being taken for a database).
 */
async function initDataDir(dir: string) {
  const tmp = path.join(dir, `.init-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  try {
    const client = await PGlite.create({ dataDir: tmp, extensions: { pg_trgm } });
    await client.close();
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw new DataDirError(dir, '无法在其中创建数据库', 'a database cannot be created in it', e);
  }
  const entries = readdirSync(tmp).sort((a, b) => Number(a === 'PG_VERSION') - Number(b === 'PG_VERSION'));
  for (const e of entries) renameSync(path.join(tmp, e), path.join(dir, e));
  rmSync(tmp, { recursive: true, force: true });
}
