import type { Db } from '../../db/client.js';
import { seedDemoCampaigns } from './seed-campaigns.js';
import { seedDemoEntities } from './seed-entities.js';
import { isEmpty, seedDemoOrg } from './seed-org.js';
import { seedDemoPlans } from './seed-plans.js';
import { seedDemoTips } from './seed-tips.js';

/**
 * Load all demo data into an empty database. Each feature adds one step here,
 * receiving the demo organisation so its records hang off real stations.
 */
export async function seedDemo(db: Db) {
  if (!(await isEmpty(db))) return false;
  const org = await seedDemoOrg(db);
  await seedDemoEntities(db, org);
  await seedDemoCampaigns(db, org);
  await seedDemoTips(db, org);
  await seedDemoPlans(db, org);
  return true;
}
