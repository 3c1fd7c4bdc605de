import { parseArgs } from 'node:util';
import { count } from 'drizzle-orm';
import { openDatabase } from '../db/client.js';
import { jurisdictions } from '../db/schema/index.js';
import { loadConfig } from './config.js';
import { seedDemo } from './demo/index.js';
import { createAdmin } from './modules/auth/public.js';
import { runSignals } from './modules/adr/public.js';

const HELP = `用法: npm run cli -- <command> [options]
  migrate                               apply database migrations
  create-admin --username U --password P [--region 省名]
                                        create (or reset) a system administrator;
                                        on an empty database also creates the root jurisdiction
  seed-demo                             load the demo data into an empty database
  signals --in reports.csv --out signals.csv
                                        adverse-reaction signal detection (no database):
                                        input columns report_id,drug,event; writes N, E, PRR, ROR,
                                        IC, EBGM… per drug–event pair; prints the fitted prior`;

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    username: { type: 'string' },
    password: { type: 'string' },
    region: { type: 'string' },
    in: { type: 'string' },
    out: { type: 'string' },
  },
  allowPositionals: true,
});

// Commands that need no database run before it is opened.
if (command === 'signals') {
  try {
    if (!values.in || !values.out) throw new Error('signals needs --in reports.csv --out signals.csv');
    const { summary } = await runSignals(values.in, values.out);
    for (const line of summary) console.log(line);
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 1;
  }
  process.exit();
}

const config = loadConfig();
const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });

try {
  if (command === 'migrate') {
    await database.migrate();
    console.log('migrations applied');
  } else if (command === 'create-admin') {
    await database.migrate();
    const username = values.username ?? 'admin';
    const r = await createAdmin(database.db, { username, password: values.password ?? '', region: values.region });
    console.log(`administrator "${username}" ${r.created ? 'created' : 'reset'}`);
  } else if (command === 'seed-demo') {
    await database.migrate();
    const [{ n }] = await database.db.select({ n: count() }).from(jurisdictions);
    console.log((await seedDemo(database.db)) ? 'demo data loaded' : `database not empty (${n} jurisdictions); nothing loaded`);
  } else {
    console.log(HELP);
    process.exitCode = command ? 1 : 0;
  }
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
} finally {
  await database.close();
}
