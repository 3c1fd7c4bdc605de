import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { seedDemoCampaigns } from './seed-campaigns.js';
import { seedDemoDocuments } from './seed-documents.js';
import { seedDemoEntities } from './seed-entities.js';
import { isEmpty, seedDemoOrg } from './seed-org.js';
import { seedDemoPlans } from './seed-plans.js';
import { seedDemoTips } from './seed-tips.js';
import { seedDemoClues } from './seed-clues.js';
import { seedDemoRisks } from './seed-risks.js';
import { seedDemoSampling } from './seed-sampling.js';
import { seedDemoCredit } from './seed-credit.js';
import { seedDemoCases } from './seed-cases.js';
import { seedDemoAdr } from './seed-adr.js';
import { pointOf } from '../core/extensions.js';
import { rebuildSummaries } from '../core/measure-summaries.js';
import { registry } from '../modules/index.js';

/**
 * Load all demo data into an empty database. Each feature adds one step here,
 * receiving the demo organisation so its records hang off real stations.
 * The administrator's published demo password must be changed at first sign-in
 * (`adminMustChangePassword: false` only for test harnesses that sign in as admin).
 */
export async function seedDemo(db: Db, opts: { adminMustChangePassword?: boolean } = {}) {
  if (!(await isEmpty(db))) return false;
  const org = await seedDemoOrg(db);
  if (opts.adminMustChangePassword !== false) {
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.username, 'admin'));
  }
  await seedDemoEntities(db, org);
  await seedDemoCampaigns(db, org);
  await seedDemoTips(db, org);
  await seedDemoPlans(db, org);
  await seedDemoDocuments(db, org);
  await seedDemoClues(db, org);
  await seedDemoRisks(db, org);
  await seedDemoSampling(db, org);
  await seedDemoCredit(db, org);
  await seedDemoCases(db, org);
  await seedDemoAdr(db, org);
  // The seeds write records directly, not through the use cases: the report summaries are rebuilt from them.
  await rebuildSummaries(db, pointOf(registry(), 'measureSummaries'));
  return true;
}
