import { sql, TransactionRollbackError, type SQL } from 'drizzle-orm';
import type pg from 'pg';
import type { EntityKind } from '../../src/contracts/entity-kinds.js';
import { IMPORT_COLUMNS, type ListEntitiesQuery } from '../../src/contracts/entities.js';
import type { Actor, Ctx } from '../../src/server/core/context.js';
import { entityGenerator, makeRng } from '../../src/server/demo/entity-data.js';
import { insertTree, type TreeNode } from '../../src/server/modules/org/public.js';
import { writeRecords } from '../../src/server/modules/entities/bulk-write.js';
import { autoMapping, readRecords, type ImportRecord } from '../../src/server/modules/entities/import-read.js';
import { newUnitLine, UNIT_COLUMNS } from '../../src/server/modules/entities/bulk-write.js';
import { readSheet } from '../../src/server/core/sheets/read.js';
import { copyInto } from '../../src/server/core/copy.js';
import { syncEntityKinds } from '../../src/server/modules/entities/kinds.js';
import { JobRunner } from '../../src/server/core/jobs/runner.js';
import { entityImportJob } from '../../src/server/modules/entities/import-job.js';
import { confirmImport } from '../../src/server/modules/entities/use-cases/confirm-import.js';
import { COUNT_CAP, entityWhere, listEntities, orderBy } from '../../src/server/modules/entities/use-cases/list-entities.js';
import { selectEntities } from '../../src/server/modules/entities/queries.js';
import { uploadImport } from '../../src/server/modules/entities/use-cases/upload-import.js';
import { sample, time, type BenchSuite } from '../lib.js';
import { registry } from '../../src/server/modules/index.js';

/** Realistic mix: many pharmacies and clinics, fewer device and cosmetics units. */
const MIX: [EntityKind, number][] = [
  ['pharmacy_chain', 22],
  ['pharmacy_single', 20],
  ['clinic', 28],
  ['medical_institution', 3],
  ['vaccination_site', 1],
  ['device_dealer', 10],
  ['device_user', 3],
  ['cosmetics_store', 2],
  ['cosmetics_maternal', 1],
  ['cosmetics_counter', 1],
  ['beauty_salon', 2],
  ['hair_salon', 3],
  ['hotel', 1],
  ['bathhouse', 1],
  ['medical_aesthetics', 1],
  ['online_seller', 1],
];
const WHEEL = MIX.flatMap(([k, n]) => Array<EntityKind>(n).fill(k));

function provinceTree(scale: 'province' | 'small'): TreeNode {
  const [cities, counties, stations] = scale === 'province' ? [14, 100, 1500] : [2, 6, 60];
  const perCity = Math.ceil(counties / cities);
  const perCounty = Math.ceil(stations / counties);
  let c = 0;
  let s = 0;
  return {
    name: '基准省',
    level: 'province',
    label: '省',
    children: Array.from({ length: cities }, (_, ci) => ({
      name: `基准${ci + 1}市`,
      level: 'city' as const,
      label: '市',
      children: Array.from({ length: Math.min(perCity, counties - ci * perCity) }, () => ({
        name: `基准${++c}县`,
        level: 'county' as const,
        label: '县',
        children: Array.from({ length: perCounty }, () => ({
          name: `基准${++s}市场监督管理所`,
          level: 'station' as const,
          label: '市场监管所',
          children: Array.from({ length: 2 }, (_, t) => ({
            name: `基准${s}所${t + 1}街道`,
            level: 'township' as const,
            label: '街道',
            children: Array.from({ length: 3 }, (_, v) => ({ name: `${v + 1}社区`, level: 'village' as const, label: '社区' })),
          })),
        })),
      })),
    })),
  };
}

const actor = (scope: Actor['scope'], j: { id: number; path: string }): Actor => ({
  id: 0,
  username: 'bench',
  name: '基准',
  role: scope === 'all' ? 'admin' : 'office',
  scope,
  orgUnitId: 0,
  jurisdictionId: j.id,
  jurisdictionPath: j.path,
});

const suite: BenchSuite = {
  name: 'entities',
  after: ['org'],
  async run(env) {
    const db = env.database.db;
    const rows = async (q: ReturnType<typeof sql>) => ((await db.execute(q)) as any).rows as any[];
    await syncEntityKinds(db);
    if (!env.shared.province) {
      const root = provinceTree(env.scale);
      const t = await time(() => db.transaction((tx) => insertTree(tx, [root])));
      env.figure('build jurisdiction tree', t.ms, 'ms');
      env.shared.province = { rootId: root.id };
    }
    const stations = await rows(sql`select s.id, s.path, s.parent_id,
        (select json_agg(json_build_object('id', t.id, 'name', t.name, 'villageIds', (select coalesce(json_agg(v.id), '[]') from jurisdictions v where v.parent_id = t.id)))
          from jurisdictions t where t.parent_id = s.id) as townships
      from jurisdictions s where s.level = 'station' order by s.id`);
    const total = env.scale === 'province' ? 200_000 : 10_000;
    const r = makeRng(env.seed);
    const gen = entityGenerator(r);
    const t0 = performance.now();
    for (let done = 0; done < total; ) {
      const batch: ImportRecord[] = [];
      for (let k = 0; k < 5000 && done < total; k++, done++) {
        const st = stations[r.int(0, stations.length - 1)];
        const e = gen.next(r.pick(WHEEL), { jurisdictionId: st.id, townships: st.townships ?? [] }, '110101');
        if (e.kind === 'device_dealer') e.deviceLevel = r.pick(['1', '2', '3']);
        e.tags = [
          ...(r.chance(0.04) ? ['high_risk'] : []),
          ...(r.chance(0.3) ? ['vbp'] : []),
          ...(r.chance(0.15) ? ['key_area_urban_rural'] : []),
        ];
        e.riskLevel = e.tags.includes('high_risk') ? 'high' : r.chance(0.2) ? 'medium' : 'low';
        batch.push(e);
      }
      await db.transaction((tx) => writeRecords(tx, { id: 0, name: '基准' }, batch, { skipAudit: true }));
    }
    await db.execute(sql`analyze`);
    env.figure(`generate ${total.toLocaleString('en')} entities`, performance.now() - t0, 'ms');

    const [county] = await rows(sql`select id, path from jurisdictions where level = 'county' order by id limit 1 offset 3`);
    const [root] = await rows(sql`select id, path from jurisdictions where depth = 0 order by id limit 1`);
    const station = stations[7];
    const actors = { station: actor('jurisdiction', station), county: actor('jurisdiction', county), province: actor('all', root) };
    const names = (await rows(sql`select name from entities order by id limit 200`)).map((x) => x.name as string);
    const filters: Partial<ListEntitiesQuery>[] = [
      {},
      { kinds: ['pharmacy_chain', 'pharmacy_single'] },
      { tagsAny: ['high_risk'], sort: '-risk' },
      { riskLevels: ['high', 'medium'], sort: 'licence' },
      { licenceStates: ['expiring', 'expired'] },
      { creditGrades: ['C', 'D'], statuses: ['operating'] },
      { kinds: ['device_dealer'], deviceLevels: ['3'], sort: '-updated' },
      { sectors: ['cosmetics'], sort: 'kind' },
      { q: 'NAME2' },
      { q: 'NAME4' },
      { page: 3 },
    ];
    const query = (i: number): ListEntitiesQuery => {
      const f = { ...filters[i % filters.length] };
      if (f.q === 'NAME2') f.q = names[i % names.length].slice(0, 2);
      if (f.q === 'NAME4') f.q = names[i % names.length].slice(1, 5);
      return { sort: 'name', page: 1, pageSize: 20, ...f } as ListEntitiesQuery;
    };
    const all: number[] = [];
    for (const [label, a] of Object.entries(actors)) {
      const ctx: Ctx = { db, actor: a, ext: registry() };
      const s = await sample(66, (i) => listEntities(ctx, query(i)));
      env.figure(`list page p50 (${label} scope, ${filters.length} filter mixes)`, s.p50, 'ms');
      env.figure(`list page p95 (${label} scope)`, s.p95, 'ms', `max ${s.max.toFixed(0)} ms, n=${s.n}`);
      all.push(s.p95);
    }
    // Each mix on its own for the province, and the slowest one's plans (page and count), which is
    // where the next index or rewrite would go.
    const provinceCtx: Ctx = { db, actor: actors.province, ext: registry() };
    const perMix = [];
    for (let m = 0; m < filters.length; m++) {
      const s = await sample(9, (i) => listEntities(provinceCtx, query(m + i * filters.length)), 1);
      perMix.push({ m, ...s });
    }
    const slowest = perMix.sort((a, b) => b.p50 - a.p50)[0]!;
    const q = query(slowest.m);
    env.figure(
      'list page, slowest mix for the province p50',
      slowest.p50,
      'ms',
      `${JSON.stringify(filters[slowest.m])}, max ${slowest.max.toFixed(0)} ms`,
    );
    if (env.kind === 'postgres') {
      const where = await entityWhere(provinceCtx, q);
      const page = selectEntities(db)
        .where(where)
        .orderBy(...orderBy(q.sort))
        .limit(q.pageSize)
        .toSQL();
      const dialect = (db as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } } }).dialect;
      const count = dialect.sqlToQuery(
        sql`select count(*)::int as n from (select 1 from entities where ${where} limit ${COUNT_CAP + 1}) s`,
      );
      const pool = env.database.raw as pg.Pool;
      for (const [label, text, params] of [
        ['page', page.sql, page.params],
        ['count', count.sql, count.params],
      ] as const) {
        const plan = await pool.query(`explain (analyze, costs off, timing off, summary off) ${text}`, params as unknown[]);
        console.log(`    plan of the slowest mix's ${label} query:`);
        for (const r of plan.rows as { 'QUERY PLAN': string }[]) console.log(`      ${r['QUERY PLAN']}`);
      }
    }

    // Import 50,000 rows through the use cases: dry run (parse + validate) then confirm (one transaction).
    const n = env.scale === 'province' ? 50_000 : 2_000;
    const cst = await rows(sql`select id, name from jurisdictions where level = 'station' and path like ${county.path + '%'} order by id`);
    const header = IMPORT_COLUMNS.map((c) => c.header);
    const lines = [header.join(',')];
    const gen2 = entityGenerator(makeRng(env.seed + 1));
    for (let i = 0; i < n; i++) {
      const st = cst[i % cst.length];
      const e = gen2.next(r.pick(WHEEL), { jurisdictionId: st.id, townships: [{ id: 0, name: '基准', villageIds: [] }] }, '120101');
      const v: Record<string, string> = {
        单位名称: e.name,
        统一社会信用代码: e.creditCode,
        主体类型: e.kind,
        许可证编号: `B${e.licence!.number}`,
        许可证有效期至: e.licence!.validTo ?? '',
        所属监管所: st.name,
        地址: e.address ?? '',
        负责人: e.personInCharge ?? '',
        联系电话: e.phone ?? '',
        风险等级: '低',
        信用等级: 'A',
        标签: i % 10 ? '' : '城乡接合部',
      };
      lines.push(header.map((h) => v[h] ?? '').join(','));
    }
    const buffer = Buffer.from(lines.join('\n'), 'utf8');
    const jobs = new JobRunner(db);
    jobs.register(entityImportJob);
    await jobs.start();
    const ctx: Ctx = { db, actor: actors.county, jobs, ext: registry() };
    // The floors, in the same run: "parse only" is the file to checked records in memory (the sheet
    // worker and the row checks, no registry lookup, nothing stored); "bulk load only" is one COPY of
    // the same units into a scratch copy of the entities table with all its indexes (no foreign keys),
    // rolled back. What the import costs above their sum is the rest (lookups, storing the dry run,
    // licences, audit rows, the confirm's second check, the job).
    const parse = await time(async () => {
      const table = await readSheet(buffer, 'bench.csv', { maxRows: n + 1, userId: -1 });
      return readRecords(db, actors.county, table, autoMapping(table.headers));
    });
    if (parse.value.errors.length) throw new Error(`bench file has errors: ${JSON.stringify(parse.value.errors.slice(0, 3))}`);
    env.figure(`import ${n.toLocaleString('en')} rows: floor, parse only`, parse.ms, 'ms', 'file → checked records in memory');
    const dry = await time(() => uploadImport(ctx, { buffer, fileName: 'bench.csv' }));
    if (dry.value.errorCount) throw new Error(`bench import has errors: ${JSON.stringify(dry.value.errors.slice(0, 3))}`);
    env.figure(`import ${n.toLocaleString('en')} rows: dry run`, dry.ms, 'ms', `${(dry.ms / parse.ms).toFixed(2)}× parse only`);
    const copyLines = parse.value.records.map((rec, k) => newUnitLine(1_000_000_000 + k, rec, null));
    const rolledBack = (e: unknown) => {
      if (!(e instanceof TransactionRollbackError)) throw e;
    };
    const load = await time(() =>
      db
        .transaction(async (tx) => {
          await tx.execute(sql`create table bench_entities_floor (like entities including all)`);
          await copyInto(tx, 'bench_entities_floor', UNIT_COLUMNS, copyLines);
          tx.rollback();
        })
        .catch(rolledBack),
    );
    env.figure(
      `import ${n.toLocaleString('en')} rows: floor, bulk load only`,
      load.ms,
      'ms',
      'one COPY into an empty copy of entities, indexes included',
    );
    const conf = await time(() => confirmImport(ctx, dry.value.id, { wait: true }));
    env.figure(
      `import ${n.toLocaleString('en')} rows: confirm (create)`,
      conf.ms,
      'ms',
      `${conf.value.toCreate} created; ${(conf.ms / load.ms).toFixed(2)}× bulk load only`,
    );
    env.figure(
      `import ${n.toLocaleString('en')} rows: total`,
      dry.ms + conf.ms,
      'ms',
      `${((dry.ms + conf.ms) / (parse.ms + load.ms)).toFixed(2)}× parse + bulk load (${(parse.ms + load.ms).toFixed(0)} ms)`,
    );
    // The same units again with a new phone number each: every row is an audited update.
    const phoneCol = header.indexOf('联系电话');
    const changed = lines.map((l, i) =>
      i === 0
        ? l
        : l
            .split(',')
            .map((c, k) => (k === phoneCol ? `0427-${String(i).padStart(7, '0')}` : c))
            .join(','),
    );
    const dry2 = await time(() => uploadImport(ctx, { buffer: Buffer.from(changed.join('\n'), 'utf8'), fileName: 'bench-changed.csv' }));
    const conf2 = await time(() => confirmImport(ctx, dry2.value.id, { wait: true }));
    env.figure(
      `re-import ${n.toLocaleString('en')} rows, every unit changed: total`,
      dry2.ms + conf2.ms,
      'ms',
      `${conf2.value.toUpdate} updated with before/after audit`,
    );
    const dry3 = await time(() => uploadImport(ctx, { buffer: Buffer.from(changed.join('\n'), 'utf8'), fileName: 'bench-same.csv' }));
    const conf3 = await time(() => confirmImport(ctx, dry3.value.id, { wait: true }));
    env.figure(`re-import ${n.toLocaleString('en')} rows, nothing changed: dry run`, dry3.ms, 'ms');
    env.figure(
      `re-import ${n.toLocaleString('en')} rows, nothing changed: confirm`,
      conf3.ms,
      'ms',
      `${(conf3.ms / dry3.ms).toFixed(2)}× its dry run; ${conf3.value.message ?? ''}`,
    );
    env.figure(
      `re-import ${n.toLocaleString('en')} rows, nothing changed: total`,
      dry3.ms + conf3.ms,
      'ms',
      `${((dry3.ms + conf3.ms) / dry3.ms).toFixed(2)}× its dry run`,
    );
    // Last (a rolled-back COPY leaves dead index entries behind): the same units COPYed into the
    // registry itself, under other credit codes, rolled back — its foreign keys, and indexes already
    // holding the province's units. What writing the units alone costs at this scale.
    const inEntities = parse.value.records.map((rec, k) => newUnitLine(1_000_000_000 + k, { ...rec, creditCode: `FLOOR${k}` }, null));
    const loadIn = await time(() =>
      db
        .transaction(async (tx) => {
          await copyInto(tx, 'entities', UNIT_COLUMNS, inEntities);
          tx.rollback();
        })
        .catch(rolledBack),
    );
    env.figure(
      `import ${n.toLocaleString('en')} rows: floor, bulk load into entities`,
      loadIn.ms,
      'ms',
      `the same units by COPY into the registry, rolled back; the create's confirm was ${(conf.ms / loadIn.ms).toFixed(2)}×, its total ${((dry.ms + conf.ms) / (parse.ms + loadIn.ms)).toFixed(2)}× parse + this`,
    );
    await jobs.stop();
  },
};
export default suite;
