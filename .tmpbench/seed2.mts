import { createTestDatabase } from '../src/test/db.js';
import { seedDemoOrg } from '../src/server/demo/seed-org.js';
import { seedDemoCampaigns } from '../src/server/demo/seed-campaigns.js';
import { seedDemoDocuments } from '../src/server/demo/seed-documents.js';
import { seedDemoEntities } from '../src/server/demo/seed-entities.js';
import { seedDemoPlans } from '../src/server/demo/seed-plans.js';
import { seedDemoTips } from '../src/server/demo/seed-tips.js';
import { seedDemoClues } from '../src/server/demo/seed-clues.js';
import { seedDemoRisks } from '../src/server/demo/seed-risks.js';
import { seedDemoSampling } from '../src/server/demo/seed-sampling.js';
import { seedDemoCredit } from '../src/server/demo/seed-credit.js';
const database = await createTestDatabase();
const db = database.db;
const org = await seedDemoOrg(db);
for (const [n, f] of Object.entries({ seedDemoEntities, seedDemoCampaigns, seedDemoTips, seedDemoPlans, seedDemoDocuments, seedDemoClues, seedDemoRisks, seedDemoSampling, seedDemoCredit })) {
  const t = performance.now();
  console.log('start', n);
  await (f as any)(db, org);
  console.log('done', n, (performance.now() - t).toFixed(0));
}
await database.close();
