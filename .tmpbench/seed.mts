import { createTestDatabase } from '../src/test/db.js';
import { seedDemo } from '../src/server/demo/index.js';
const database = await createTestDatabase();
const t = performance.now(); const c = process.cpuUsage();
await seedDemo(database.db, { adminMustChangePassword: false });
console.log('seed wall', (performance.now() - t).toFixed(0), 'cpu', (process.cpuUsage(c).user / 1000).toFixed(0));
await database.close();
