import { sql } from 'drizzle-orm';
import { ADR_IMPORT_COLUMNS, adrSignalsQuery } from '../../src/contracts/adr.js';
import { addDays } from '../../src/contracts/calendar.js';
import { systemActor, type Ctx } from '../../src/server/core/context.js';
import { isEmpty, seedDemoOrg } from '../../src/server/demo/seed-org.js';
import { adrImportJob } from '../../src/server/modules/adr/import-job.js';
import { getSignals } from '../../src/server/modules/adr/use-cases/get-signals.js';
import { uploadImport } from '../../src/server/modules/adr/use-cases/upload-import.js';
import { registry } from '../../src/server/modules/index.js';
import { time, type BenchSuite } from '../lib.js';

/**
 * Bulk import of ADR reports (CSV, the national export's columns): the dry run (read in the worker,
 * validate every row, look up registered codes) and the confirmed write (validate again, insert
 * reports, drug and reaction rows, cluster check over every written report, audit) as the job runs
 * it. Target: 100,000 rows in under 30 s in all. Rows: 100,000 at province scale, 5,000 small
 * (ADR_BENCH_ROWS overrides).
 */
const suite: BenchSuite = {
  name: 'adr-import',
  after: ['org'],
  async run(env) {
    const db = env.database.db;
    if (await isEmpty(db)) await seedDemoOrg(db);
    const stations = (await db.execute(
      sql`select j.name from jurisdictions j where j.level = 'station' and j.parent_id = (select id from jurisdictions where level = 'county' order by id limit 1) order by j.id`,
    )) as unknown as { rows: { name: string }[] };
    const names = stations.rows.map((r) => r.name);
    if (!names.length) throw new Error('adr-import: no stations');
    const n = Number(process.env.ADR_BENCH_ROWS) || (env.scale === 'province' ? 100_000 : 5_000);
    const headers = ADR_IMPORT_COLUMNS.map((c) => c.header);
    const lines = [headers.join(',')];
    let s = env.seed >>> 0;
    const rnd = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const terms = ['皮疹', '瘙痒', '恶心', '呕吐', '头晕', '头痛', '腹泻', '胸闷'];
    for (let i = 0; i < n; i++) {
      const onset = addDays('2025-01-01', Math.floor(rnd() * 330));
      const drug = Math.floor(rnd() * 400);
      const row: Record<string, string> = {
        报告编码: `B${env.seed}${String(i).padStart(7, '0')}`,
        报告类别: '药品不良反应',
        报告单位名称: `测试医院${Math.floor(rnd() * 300)}`,
        报告单位类别: rnd() < 0.8 ? '医疗机构' : '经营企业',
        所属辖区: names[i % names.length],
        患者性别: rnd() < 0.5 ? '男' : '女',
        年龄: String(Math.floor(rnd() * 90)),
        通用名称: `测试药品${drug}`,
        批号: `P${drug}${Math.floor(rnd() * 6)}`,
        生产企业: `测试制药${drug % 60}`,
        不良反应名称: `${terms[Math.floor(rnd() * 8)]}、${terms[Math.floor(rnd() * 8)]}`,
        严重程度: rnd() < 0.1 ? '严重' : '一般',
        新的: '否',
        发生日期: onset,
        报告日期: addDays(onset, Math.floor(rnd() * 40)),
        转归: '好转',
        是否死亡: '否',
      };
      lines.push(headers.map((h) => row[h] ?? '').join(','));
    }
    const buffer = Buffer.from(lines.join('\r\n') + '\r\n');
    const ctx: Ctx = { db, actor: systemActor(), ext: registry() };
    const dry = await time(() => uploadImport(ctx, { buffer, fileName: 'bench.csv' }, 'update'));
    env.figure(
      `import dry run (read + validate), ${n} rows`,
      dry.ms,
      'ms',
      `${dry.value.errorCount} errors, ${(buffer.length / 1e6).toFixed(1)} MB`,
    );
    if (dry.value.errorCount) throw new Error(`adr-import: ${JSON.stringify(dry.value.errors.slice(0, 3))}`);
    await db.execute(sql`update adr_imports set status = 'running' where id = ${dry.value.id}`);
    const job = { id: 0, kind: adrImportJob.kind, attempts: 1, maxAttempts: 1, payload: { importId: dry.value.id, actor: ctx.actor } };
    const real = await time(() => db.transaction((tx) => adrImportJob.run(job, tx)) as Promise<{ created: number; alerts: number }>);
    env.figure(
      `import write (validate + insert + clusters + audit), ${n} rows`,
      real.ms,
      'ms',
      `${real.value.created} created, ${real.value.alerts} alerts`,
    );
    env.figure(`import total, ${n} rows`, dry.ms + real.ms, 'ms', 'target < 30 s for 100,000');

    // The signals page over the imported year: the first request fits the EBGM prior and stores it,
    // the next one (same counts, another sort) reads it back.
    const q = adrSignalsQuery.parse({ from: '2025-01-01', to: '2025-12-31' });
    await db.execute(sql`delete from adr_signal_priors`);
    const first = await time(() => getSignals(ctx, q));
    env.figure(
      'signals page, first request (fits the prior)',
      first.ms,
      'ms',
      `${first.value.totals.pairs} pairs, fit ${first.value.hyper.fitMs} ms`,
    );
    const again = await time(() => getSignals(ctx, { ...q, sort: 'EB05' }));
    env.figure('signals page, same counts again (stored prior)', again.ms, 'ms', `reused ${again.value.hyper.reused}`);
  },
};
export default suite;
