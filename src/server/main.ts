import { DataDirError, openDatabase, type Database } from '../db/client.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { seedDemo } from './demo/index.js';

const config = loadConfig();
let database: Database;
try {
  database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
} catch (e) {
  if (!(e instanceof DataDirError)) throw e;
  console.error(e.message);
  process.exit(1);
}
await database.migrate();
if (config.demo && (await seedDemo(database.db))) console.log('已载入演示数据 (demo data loaded)');

const app = await buildApp({ db: database.db, logger: config.logger, webDir: config.webDir, trustProxy: config.trustProxy });
await app.listen({ port: config.port, host: config.host });
console.log(`药监通 running on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (${database.kind === 'pglite' ? `PGlite ${config.dataDir}` : 'PostgreSQL'})`);

let closing = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await database.close();
    process.exit(0);
  });
}
