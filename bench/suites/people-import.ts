import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { jurisdictions, orgUnits } from '../../src/db/schema/index.js';
import { systemActor, type Ctx } from '../../src/server/core/context.js';
import { isEmpty, seedDemoOrg } from '../../src/server/demo/seed-org.js';
import { importPeople } from '../../src/server/modules/org/use-cases/import-people.js';
import { listJurisdictions } from '../../src/server/modules/org/use-cases/list-jurisdictions.js';
import { listPeople } from '../../src/server/modules/org/use-cases/list-people.js';
import { sample, time, type BenchSuite } from '../lib.js';
import { registry } from '../../src/server/modules/index.js';

/**
 * Excel import of people (dry run and all-or-nothing confirm), then tree and people lists.
 * Runs after the province suite when present (importing into one county), else on the demo org.
 */
const suite: BenchSuite = {
  name: 'people-import',
  after: ['org'],
  async run(env) {
    const db = env.database.db;
    if (await isEmpty(db)) await seedDemoOrg(db);
    const ctx: Ctx = { db, actor: systemActor(), ext: registry() };
    const stations = await db
      .select({ name: orgUnits.name, jurisdictionId: orgUnits.jurisdictionId })
      .from(orgUnits)
      .innerJoin(jurisdictions, eq(jurisdictions.id, orgUnits.jurisdictionId))
      // One county's stations, so unit names in the file are unambiguous.
      .where(
        sql`org_units.kind = 'station' and jurisdictions.parent_id = (
          select j.parent_id from org_units u join jurisdictions j on j.id = u.jurisdiction_id
          where u.kind = 'station' order by u.id limit 1)`,
      )
      .limit(50);
    if (!stations.length) throw new Error('people-import: no station units to import into');
    const n = env.scale === 'province' ? 2000 : 200;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员');
    ws.addRow(['姓名', '用户名', '所属机构', '角色', '数据范围', '负责辖区', '职务', '手机', '邮箱']);
    for (let i = 0; i < n; i++) {
      ws.addRow([
        `导入${i}`,
        `bench_imp_${env.seed}_${i}`,
        stations[i % stations.length].name,
        '协管员',
        '',
        '',
        '协管员',
        `139${String(i).padStart(8, '0')}`,
        '',
      ]);
    }
    const file = { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: 'people.xlsx' };
    const dry = await time(() => importPeople(ctx, file, { dryRun: true }));
    env.figure(`import dry run, ${n} rows`, dry.ms, 'ms', `${dry.value.errors.length} errors`);
    const real = await time(() => importPeople(ctx, file, { dryRun: false }));
    env.figure(`import confirm (validate + insert + audit), ${n} rows`, real.ms, 'ms', `${real.value.created} created`);

    const [county] = await db.select({ id: jurisdictions.id }).from(jurisdictions).where(eq(jurisdictions.level, 'county')).limit(1);
    const people = await sample(30, (i) => listPeople(ctx, { jurisdictionId: county.id, page: 1 + (i % 5), pageSize: 20 }));
    env.figure('people list, county subtree, page of 20 (p50)', people.p50, 'ms', `p95 ${people.p95.toFixed(1)}`);
    const search = await sample(30, (i) => listPeople(ctx, { q: `导入${i}`, page: 1, pageSize: 20 }));
    env.figure('people search by name (p50)', search.p50, 'ms', `p95 ${search.p95.toFixed(1)}`);
    const widest: any = await db.execute(
      sql`select parent_id as id from jurisdictions where parent_id is not null group by parent_id order by count(*) desc limit 1`,
    );
    const parentId = Number(widest.rows?.[0]?.id ?? county.id);
    const kids = await sample(30, () => listJurisdictions(ctx, parentId));
    env.figure('tree: children of the widest node (p50)', kids.p50, 'ms', `p95 ${kids.p95.toFixed(1)}`);
  },
};
export default suite;
