import { openDatabase } from '../db/client.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { seedDemo } from './demo/index.js';

const config = loadConfig();
const database = await openDatabase(
  config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
);
await database.migrate();
if (config.demo && (await seedDemo(database.db))) console.log('已载入演示数据 (demo data loaded)');

const app = await buildApp({ db: database.db, logger: config.logger, webDir: config.webDir, jobs: { exclusive: database.kind === 'pglite' } });
await app.listen({ port: config.port, host: config.host });
console.log(`药监通 running on http://localhost:${config.port} (${database.kind === 'pglite' ? `PGlite ${config.dataDir}` : 'PostgreSQL'})`);

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
