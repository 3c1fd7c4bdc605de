import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeCreditCode } from '../../contracts/credit-code.js';
import { createTestApp, type Client, type TestApp } from '../../test/app.js';

/**
 * The causes of 5xx an outside bad-input corpus found (issue 10 item 6) and the date bugs of the
 * calendar (issue 11 item 4), each reproduced through the HTTP API on a real database.
 * The whole corpus over every write route is `bad-input-corpus.test.ts`.
 */
let t: TestApp;
let admin: Client, office: Client, cx: Client, coordinator: Client;
let entityId: number;
let inspectorIds: number[];
const rows = async (q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as any).rows as any[];

beforeAll(async () => {
  t = await createTestApp();
  [admin, office, cx, coordinator] = await Promise.all([t.as('admin'), t.as('office'), t.as('inspector_cx'), t.as('coordinator')]);
  const st = t.org.stations['创新'];
  const e = await office.post('/api/entities', { name: '日期测试药店', kind: 'pharmacy_single', jurisdictionId: st.jurisdictionId });
  expect(e.statusCode, e.body).toBe(200);
  entityId = e.json().id;
  inspectorIds = (await rows(sql`select id from users where username in ('inspector_cx', 'insp_1_0') order by id`)).map((r) => r.id);
});
afterAll(() => t.close());
afterEach(() => void vi.useRealTimers());

const tip = (occurredOn: string) => ({
  kind: 'hazard',
  title: '日期测试',
  description: '门店销售过期药品',
  place: '和平街道幸福路12号',
  occurredOn,
});

describe('dates that do not exist', () => {
  it('2025-02-30 is refused with 400 on inspections and tips (was 500)', async () => {
    const i = await cx.post('/api/inspections', { entityId, date: '2025-02-30', inspectorIds });
    expect(i.statusCode, i.body).toBe(400);
    expect(i.json()).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/日期/) });
    const tp = await coordinator.post('/api/tips', tip('2025-02-30'));
    expect(tp.statusCode, tp.body).toBe(400);
    expect(tp.json()).toMatchObject({ code: 'VALIDATION' });
    for (const bad of ['2025-13-01', '2025-00-10', '2026-04-31', '2025-2-3', '２０２５-01-01']) {
      expect((await coordinator.post('/api/tips', tip(bad))).statusCode, bad).toBe(400);
    }
  });
});

describe('"today" is the Beijing date', () => {
  // Test files share a worker (vitest.config.ts): a faked clock must not outlive its test.
  afterEach(() => vi.useRealTimers());

  it("records today's inspection at 07:00 Beijing time (UTC is still yesterday)", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-09T23:00:00Z')); // 2026-03-10 07:00 in Beijing
    const res = await cx.post('/api/inspections', { entityId, date: '2026-03-10', inspectorIds });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ date: '2026-03-10', status: 'done' });
    // Tomorrow in Beijing is still refused.
    const next = await cx.post('/api/inspections', { entityId, date: '2026-03-11', inspectorIds });
    expect(next.statusCode).toBe(400);
  });

  it('a tip may not be dated tomorrow (Beijing) late in the day', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-10T09:00:00Z')); // 17:00 in Beijing
    const tomorrow = await coordinator.post('/api/tips', tip('2026-03-11'));
    expect(tomorrow.statusCode, tomorrow.body).toBe(400);
    expect(tomorrow.json().message).toMatch(/不能晚于今天/);
    vi.setSystemTime(new Date('2026-03-09T23:30:00Z')); // 07:30 on 2026-03-10 in Beijing
    const today = await coordinator.post('/api/tips', tip('2026-03-10'));
    expect(today.statusCode, today.body).toBe(200);
  });
});

describe('control characters', () => {
  it('a NUL byte in a JSON field is refused with 400 and nothing is written (was 500)', async () => {
    const [{ n }] = await rows(sql`select count(*)::int as n from jurisdictions`);
    const res = await admin.post('/api/jurisdictions', { parentId: t.org.districtId, name: 'a\u0000b' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/控制字符/) });
    expect((await rows(sql`select count(*)::int as n from jurisdictions`))[0].n).toBe(n);
    // …in a nested value and in a key
    expect(
      (
        await office.post('/api/entities', {
          name: '药店',
          kind: 'pharmacy_single',
          jurisdictionId: 1,
          licences: [{ kind: 'drug_retail', number: 'x\u0000' }],
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await office.post('/api/entities', { name: '药店', kind: 'pharmacy_single', jurisdictionId: 1, ['k\u0000']: 1 })).statusCode,
    ).toBe(400);
    // Other C0 controls too; tab, newline and carriage return are ordinary text.
    expect((await admin.post('/api/jurisdictions', { parentId: t.org.districtId, name: 'a\u0007b' })).statusCode).toBe(400);
    const ok = await coordinator.post('/api/tips', { ...tip('2026-01-05'), description: '第一行\r\n第二行\t制表' });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('a NUL byte in a query string or a path parameter is refused with 400 (was 500)', async () => {
    for (const url of ['/api/entities?q=a%00b', '/api/people?q=%00', '/api/entities/export?q=%01x', '/api/audit?action=%00']) {
      const res = await admin.get(url);
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/控制字符/) });
    }
  });

  it('a NUL byte in an uploaded file name or a multipart field is refused with 400', async () => {
    const count = async () => (await rows(sql`select count(*)::int as n from entity_imports`))[0].n;
    const n = await count();
    const boundary = '----yjnul';
    const body = (disposition: string, fields = '') =>
      Buffer.from(
        `${fields}--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\nContent-Type: text/csv\r\n\r\n单位名称\n测试\n\r\n--${boundary}--\r\n`,
      );
    const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    for (const payload of [
      body('name="file"; filename="a\u0000.csv"'), // raw NUL in the header
      body(`name="file"; filename*=UTF-8''a%00.csv`), // RFC 5987 encoded NUL
      body('name="file"; filename="a.csv"', field('sheet', 'x\u0000y')), // NUL in a field before the file
    ]) {
      const res = await office.request({
        method: 'POST',
        url: '/api/entity-imports',
        payload,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/控制字符/) });
    }
    expect(await count()).toBe(n);
  });
});

describe('numbers out of range', () => {
  it('an id above 2,147,483,647 is refused with 400, in the path, the query and the body (was 500)', async () => {
    for (const [method, url, payload] of [
      ['PATCH', '/api/entities/3000000000', { name: 'x' }],
      ['GET', '/api/entities/2147483648', undefined],
      ['GET', '/api/people?orgUnitId=99999999999', undefined],
      ['POST', '/api/entities', { name: '超大编号', kind: 'pharmacy_single', jurisdictionId: 3000000000 }],
      ['POST', '/api/inspections', { entityId: 1e12, date: '2026-01-05', inspectorIds }],
    ] as const) {
      const res = await admin.request({ method, url, payload: payload as any });
      expect(res.statusCode, `${method} ${url} ${res.body}`).toBe(400);
      expect(res.json().code).toBe('VALIDATION');
    }
    // The largest id is still an ordinary id (not found), not an error.
    expect((await admin.get('/api/entities/2147483647')).statusCode).toBe(404);
  });
});

describe('exports', () => {
  it('an export that matches nothing is an empty workbook, not a 500', async () => {
    const res = await office.get('/api/entities/export?q=' + encodeURIComponent('没有这样的单位名称zzz'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('messages never show SQL or constraint names', () => {
  const INTERNALS = /_uq|_key|_idx|_fkey|_check|unique|constraint|insert |select |update |Failed query|relation|column/i;

  it('a duplicate answers 409 in Chinese without the constraint name', async () => {
    const body = { parentId: t.org.districtId, name: '重复街道' };
    expect((await admin.post('/api/jurisdictions', body)).statusCode).toBe(200);
    const dup = await admin.post('/api/jurisdictions', body);
    expect(dup.statusCode, dup.body).toBe(409);
    expect(dup.body).not.toMatch(INTERNALS);
    expect(dup.json()).toEqual({ code: 'CONFLICT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
  });

  it('an import the database refuses keeps a Chinese job message without the SQL (was "Failed query: insert into entities …")', async () => {
    const head = ['单位名称', '统一社会信用代码', '主体类型', '所属监管所', '地址'];
    const csv = Buffer.from(
      `${head.join(',')}\r\n数据库拒收药店,${makeCreditCode('91', '211103', '10000099')},零售药店（连锁门店）,创新所,测试路\u0000号\r\n`,
    );
    const boundary = '----yjcsv';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="units.csv"\r\nContent-Type: text/csv\r\n\r\n`),
      csv,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await office.request({
      method: 'POST',
      url: '/api/entity-imports',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(up.statusCode, up.body).toBeLessThan(500);
    if (up.statusCode !== 200 || up.json().status !== 'validated') return; // refused before the database: nothing to show
    const done = await office.post(`/api/entity-imports/${up.json().id}/confirm?wait=true`);
    expect(done.statusCode, done.body).toBeLessThan(500);
    expect(done.body).not.toMatch(INTERNALS);
    const job = (await office.get(`/api/entity-imports/${up.json().id}`)).json();
    expect(job.message ?? '').not.toMatch(INTERNALS);
    if (job.status === 'failed') expect(job.message).toMatch(/^导入失败，未导入任何数据：[\u4e00-\u9fa5]/);
  });
});
