import { parseArgs } from 'node:util';
import { count, eq } from 'drizzle-orm';
import { openDatabase } from '../db/client.js';
import { jurisdictions, orgUnits, users } from '../db/schema/index.js';
import { passwordRule } from '../contracts/auth.js';
import { audit } from './core/audit.js';
import { systemActor } from './core/context.js';
import { loadConfig } from './config.js';
import { seedDemo } from './demo/index.js';
import { hashPassword } from './modules/auth/passwords.js';
import { insertTree } from './demo/tree.js';

const HELP = `用法: npm run cli -- <command> [options]
  migrate                               apply database migrations
  create-admin --username U --password P [--region 省名]
                                        create (or reset) a system administrator;
                                        on an empty database also creates the root jurisdiction
  seed-demo                             load the demo data into an empty database`;

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: { username: { type: 'string' }, password: { type: 'string' }, region: { type: 'string' } },
  allowPositionals: true,
});
const config = loadConfig();
const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });

try {
  if (command === 'migrate') {
    await database.migrate();
    console.log('migrations applied');
  } else if (command === 'create-admin') {
    await database.migrate();
    const username = values.username ?? 'admin';
    const password = values.password;
    const ok = passwordRule.safeParse(password ?? '');
    if (!ok.success) throw new Error(`--password: ${ok.error.issues[0].message}`);
    const db = database.db;
    await db.transaction(async (tx) => {
      let [root] = await tx.select().from(jurisdictions).where(eq(jurisdictions.depth, 0)).limit(1);
      if (!root) {
        const node = { name: values.region ?? '本级', level: 'province' as const, label: '省' };
        await insertTree(tx, [node]);
        [root] = await tx.select().from(jurisdictions).where(eq(jurisdictions.depth, 0)).limit(1);
      }
      let [unit] = await tx.select().from(orgUnits).where(eq(orgUnits.jurisdictionId, root.id)).limit(1);
      if (!unit) [unit] = await tx.insert(orgUnits).values({ jurisdictionId: root.id, kind: 'upper', name: `${root.name}药品监督管理部门` }).returning();
      const passwordHash = await hashPassword(password!);
      const [existing] = await tx.select().from(users).where(eq(users.username, username));
      if (existing) {
        await tx.update(users).set({ passwordHash, role: 'admin', dataScope: 'all', active: true, lockedUntil: null, failedLogins: 0 }).where(eq(users.id, existing.id));
      } else {
        await tx.insert(users).values({ username, displayName: '系统管理员', passwordHash, role: 'admin', dataScope: 'all', orgUnitId: unit.id, jurisdictionId: root.id });
      }
      await audit(tx, { actor: systemActor() }, { action: 'user.create_admin', entityType: 'user', summary: `命令行设置管理员 ${username}` });
    });
    console.log(`administrator "${username}" is ready`);
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
