import type { Db } from '../../db/client.js';
import { documentIssuers } from '../../db/schema/index.js';
import type { DemoOrg } from './seed-org.js';

/** The demo bureau's 发文机关代字, so its documents are numbered 兴市监责改〔2026〕1号 and so on. */
export async function seedDemoDocuments(db: Db, org: DemoOrg) {
  await db.insert(documentIssuers).values({ orgUnitId: org.bureauId, abbreviation: '兴市监' });
}
