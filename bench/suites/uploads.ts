import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { buildApp } from '../../src/server/app.js';
import { ADMIN_PASSWORD } from '../../src/server/demo/org-data.js';
import { isEmpty, seedDemoOrg } from '../../src/server/demo/seed-org.js';
import { multipartFile } from '../../src/test/multipart.js';
import { BENCH_PASSWORD, type GeneratedProvince } from '../generate/province.js';
import type { BenchSuite } from '../lib.js';

/**
 * Uploads cannot stall the server: the health check is called every 20 ms while a hostile file is
 * being refused, and its latency (p50/max) is printed beside the target (< 1 s). Files: a
 * 1,000,000-row .xlsx, a 40 MB CSV with one unclosed quote, and five uploads at once (the cap
 * answers 429 to all but the allowed ones).
 */
const suite: BenchSuite = {
  name: 'uploads',
  after: ['org'],
  async run(env) {
    const db = env.database.db;
    const province = env.shared.province as GeneratedProvince | undefined;
    if (!province && (await isEmpty(db))) await seedDemoOrg(db);
    const app = await buildApp({ db, logger: false });
    await app.ready();
    const [username, password] = province ? [province.accounts.admin, BENCH_PASSWORD] : ['admin', ADMIN_PASSWORD];
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, bearer: true } });
    if (login.statusCode !== 200 || !login.json().token)
      throw new Error(`uploads bench: sign-in failed (${login.statusCode} ${login.body})`);
    const headers = { authorization: `Bearer ${login.json().token}` };
    const rows = env.scale === 'province' ? 1_000_000 : 250_000;

    async function underLoad(label: string, uploads: () => Promise<{ statusCode: number }[]>) {
      const lat: number[] = [];
      let stop = false;
      const probe = (async () => {
        while (!stop) {
          const t0 = performance.now();
          await app.inject({ method: 'GET', url: '/api/health' });
          lat.push(performance.now() - t0);
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      const t0 = performance.now();
      const res = await uploads();
      const ms = performance.now() - t0;
      stop = true;
      await probe;
      lat.sort((a, b) => a - b);
      const codes = res.map((r) => r.statusCode).join(',');
      env.figure(`${label}: refused in`, ms, 'ms', `status ${codes}`);
      env.figure(`${label}: health p50`, lat[Math.floor(lat.length / 2)] ?? 0, 'ms', `${lat.length} checks`);
      env.figure(`${label}: health max`, lat[lat.length - 1] ?? 0, 'ms', 'target < 1000 ms');
    }
    const post = (name: string, data: Buffer) => {
      const m = multipartFile('file', name, data);
      return app.inject({ method: 'POST', url: '/api/entity-imports', payload: m.payload, headers: { ...m.headers, ...headers } });
    };

    // A 1,000,000-row workbook, written with the streaming writer.
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
    const ws = wb.addWorksheet('监管对象');
    ws.addRow(['单位名称', '统一社会信用代码', '主体类型', '所属监管所']).commit();
    for (let i = 0; i < rows; i++) ws.addRow([`药店${i}`, `91211103MA${String(i).padStart(7, '0')}X`, '单体药店', '创新所']).commit();
    await wb.commit();
    const xlsx = Buffer.concat(chunks);
    await underLoad(`${rows.toLocaleString('en')}-row xlsx (${(xlsx.length / 1024 / 1024).toFixed(1)} MB)`, async () => [
      await post('big.xlsx', xlsx),
    ]);

    const csv = Buffer.concat([
      Buffer.from('单位名称,统一社会信用代码,主体类型,所属监管所\n药店,"91211103\n'),
      Buffer.alloc(40 * 1024 * 1024, 'a,b,c,d\n'),
    ]);
    await underLoad('40 MB CSV with an unclosed quote', async () => [await post('quote.csv', csv)]);
    await underLoad(`five ${rows.toLocaleString('en')}-row xlsx at once`, () =>
      Promise.all(Array.from({ length: 5 }, () => post('big.xlsx', xlsx))),
    );
    await app.close();
  },
};
export default suite;
