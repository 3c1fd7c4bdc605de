import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../test/db.js';
import { allocateNumber } from '../core/documents/index.js';
import { seedDemoDocuments } from './seed-documents.js';
import { seedDemoOrg, type DemoOrg } from './seed-org.js';

let database: Database;
let org: DemoOrg;
beforeAll(async () => {
  database = await createTestDatabase();
  org = await seedDemoOrg(database.db);
  await seedDemoDocuments(database.db, org);
});
afterAll(() => database.close());

it('gives the demo bureau 兴隆台区 its 发文机关代字 兴市监', async () => {
  const n = await database.db.transaction((tx) =>
    allocateNumber(tx, { orgUnitId: org.bureauId, kind: 'rectificationOrder', date: '2026-12-02' }),
  );
  expect(n.text).toBe('兴市监责改〔2026〕1号');
});
