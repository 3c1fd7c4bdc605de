import { sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCampaigns } from '../demo/seed-campaigns.js';
import { tableFingerprints } from '../../test/fingerprint.js';
import { createTestApp, type Client, type TestApp } from '../../test/app.js';

/**
 * The bad-input corpus (issue 10): every write route of the app — enumerated from Fastify's own
 * route table, so a new route is covered without editing this file — receives bodies built from
 * its OpenAPI schema with one thing wrong: a missing field, a wrong type, an oversized string or
 * array, a NUL byte, an id beyond PostgreSQL's integer, an HTML value; path ids beyond the range
 * too. Expected: no 5xx ever; every refusal is `{code, message}` in Chinese without SQL; a refused
 * request changes nothing (every table is fingerprinted before and after); and the variants that
 * are wrong (not merely empty or HTML) are always refused. GET routes get NUL bytes and huge ids
 * in their query strings and paths. Runs on PGlite and PostgreSQL.
 */
let t: TestApp;
let admin: Client;
const ids: Record<string, number> = {};
const rows = async (q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as any).rows as any[];

const HTML = '<img src=x onerror=alert(1)><script>alert(document.cookie)</script>';
const HUGE = [2_147_483_648, 1e20];
const HUGE_PATH = ['2147483648', '99999999999999999999'];
const BIG_STRING = 'x'.repeat(100_000);
/** Words a refusal may not show: SQL, table or constraint names, stack traces. */
const INTERNALS =
  /_uq\b|_key\b|_idx\b|_fkey\b|_check\b|constraint|Failed query|insert into|select .* from|update .* set|relation "|column "|at .*\.ts:\d+/i;

/** Sessions and sign-in records are left out (failed sign-ins are counted by design). */
const snapshot = () =>
  tableFingerprints(t.database.db, { except: ['sessions', 'login_failures'], where: { audit_log: "action not like 'auth.%'" } });
function diff(a: Record<string, string>, b: Record<string, string>) {
  return Object.keys(a).filter((k) => a[k] !== b[k]);
}

// ── bodies from the OpenAPI schema ─────────────────────────────────────────────────────────────
type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  minimum?: number;
  exclusiveMinimum?: number | boolean;
};

function pick(s: Schema | undefined): Schema {
  if (!s) return {};
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return pick(alt.find((x) => x.type !== 'null') ?? alt[0]);
  return s;
}
function typeOf(s: Schema): string {
  s = pick(s);
  if (s.enum || s.const !== undefined) return 'enum';
  const ty = [s.type ?? ''].flat().filter((x) => x !== 'null');
  return ty[0] ?? (s.properties ? 'object' : '');
}
/** A value that passes the schema as far as a generator can tell (ids point at rows of the demo org). */
function plausible(s0: Schema | undefined, name = ''): unknown {
  const s = pick(s0);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  switch (typeOf(s)) {
    case 'integer':
    case 'number':
      return /jurisdiction|parent/i.test(name)
        ? ids.district
        : /orgUnit/i.test(name)
          ? ids.unit
          : /user|inspector/i.test(name)
            ? ids.person
            : Math.max(1, Number(s.minimum ?? 1));
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => plausible(s.items, name));
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const k of s.required ?? []) o[k] = plausible(s.properties?.[k], k);
      return o;
    }
    case 'string':
      if (s.format === 'date') return '2026-01-05';
      if (s.format === 'date-time') return '2026-01-05T08:00:00+08:00';
      if (s.format === 'email') return 'a@example.cn';
      if (s.format === 'uri') return 'https://example.cn/a';
      return '测'.repeat(Math.max(1, s.minLength ?? 1));
    default:
      return 'x';
  }
}
function wrongType(s: Schema): unknown {
  switch (typeOf(s)) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return 'abc';
    case 'boolean':
      return 'yes';
    case 'array':
      return { a: 1 };
    case 'object':
      return 'x';
    case 'enum':
      return 987654;
    default:
      return [[[]]];
  }
}

interface Variant {
  what: string;
  /** Must be refused (4xx); otherwise a 2xx is allowed (an empty or HTML value may be a valid request). */
  wrong: boolean;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

function variants(method: string, url: string, body: Schema | undefined, upload: boolean): Variant[] {
  const params = [...url.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const fill = (over: Record<string, string> = {}) => url.replace(/:(\w+)/g, (_m, p) => over[p] ?? String(pathId(url, p)));
  const base = fill();
  const out: Variant[] = [];
  for (const p of params) for (const h of HUGE_PATH) out.push({ what: `path ${p}=${h}`, wrong: true, url: fill({ [p]: h }), payload: {} });
  for (const p of params) out.push({ what: `path ${p} with NUL`, wrong: true, url: fill({ [p]: '1%00' }), payload: {} });
  out.push({ what: 'query with NUL', wrong: true, url: `${base}?wait=%00&dryRun=%00`, payload: plausible(body) ?? {} });
  if (method === 'DELETE') return out;
  const s = pick(body);
  const props = s.properties ?? {};
  const good = (plausible(s) ?? {}) as Record<string, unknown>;
  out.push({ what: 'no body', wrong: false, url: base });
  out.push({ what: 'empty body', wrong: false, url: base, payload: {} });
  out.push({ what: 'body is an array', wrong: !!body, url: base, payload: [] });
  out.push({ what: 'body is a string', wrong: !!body, url: base, payload: '"x"', headers: { 'content-type': 'application/json' } });
  out.push({ what: 'NUL in a key', wrong: true, url: base, payload: { ...good, 'a\u0000': 1 } });
  for (const k of s.required ?? []) {
    const { [k]: _gone, ...rest } = good;
    out.push({ what: `missing ${k}`, wrong: true, url: base, payload: rest });
  }
  for (const [k, ps] of Object.entries(props)) {
    const ty = typeOf(ps);
    // An untyped field (a campaign definition: any JSON, checked by the use case) may be answered with a report.
    out.push({ what: `${k} wrong type`, wrong: ty !== '', url: base, payload: { ...good, [k]: wrongType(ps) } });
    out.push({ what: `${k} HTML`, wrong: ty !== 'string' && ty !== '', url: base, payload: { ...good, [k]: HTML } });
    if (ty === 'string' || ty === '') {
      // Past the field's own limit: a pasted notice may hold 100,000 characters (起草助手), so one over it there.
      const max = pick(ps).maxLength;
      const big = max !== undefined && max >= BIG_STRING.length ? 'x'.repeat(max + 1) : BIG_STRING;
      out.push({ what: `${k} oversized`, wrong: ty !== '', url: base, payload: { ...good, [k]: big } });
      out.push({ what: `${k} NUL`, wrong: true, url: base, payload: { ...good, [k]: 'a\u0000b' } });
      out.push({ what: `${k} control character`, wrong: true, url: base, payload: { ...good, [k]: 'a\u001bb' } });
    }
    if (ty === 'integer' || ty === 'number')
      for (const h of HUGE) out.push({ what: `${k}=${h}`, wrong: true, url: base, payload: { ...good, [k]: h } });
    if (ty === 'array') {
      const item = pick(pick(ps).items);
      out.push({
        what: `${k} oversized array`,
        wrong: true,
        url: base,
        payload: { ...good, [k]: Array.from({ length: 5000 }, () => plausible(item, k)) },
      });
      const it = typeOf(item);
      if (it === 'integer' || it === 'number')
        out.push({ what: `${k}[0]=${HUGE[0]}`, wrong: true, url: base, payload: { ...good, [k]: [HUGE[0]] } });
      if (it === 'string') out.push({ what: `${k}[0] NUL`, wrong: true, url: base, payload: { ...good, [k]: ['a\u0000'] } });
      if (it === 'object')
        out.push({
          what: `${k}[0] NUL inside`,
          wrong: true,
          url: base,
          payload: { ...good, [k]: [{ ...(plausible(item, k) as object), note: 'a\u0000', name: 'a\u0000' }] },
        });
    }
  }
  if (upload) {
    // An upload route (schema.consumes multipart): a NUL in the file name or a field name is refused.
    for (const [what, disposition] of [
      ['file name with NUL', 'name="file"; filename="a\u0000.xlsx"'],
      ['encoded file name with NUL', `name="file"; filename*=UTF-8''a%00.png`],
      ['field name with NUL', 'name="fi\u0000le"; filename="a.png"'],
    ]) {
      const b = '----corpus';
      out.push({
        what,
        wrong: true,
        url: base,
        payload: Buffer.from(
          `--${b}\r\nContent-Disposition: form-data; ${disposition}\r\nContent-Type: image/png\r\n\r\n\u0089PNG\r\n--${b}--\r\n`,
          'latin1',
        ),
        headers: { 'content-type': `multipart/form-data; boundary=${b}` },
      });
    }
  }
  return out;
}

/** Path ids that name real rows, so requests get past "not found" to the code that writes. */
function pathId(url: string, param: string): number {
  if (param === 'orgUnitId') return ids.unit;
  if (param === 'no') return 1;
  const m = /^\/api\/([a-z-]+)/.exec(url)?.[1] ?? '';
  return ids[m] ?? 1;
}

async function send(method: string, v: Variant): Promise<LightMyRequestResponse> {
  const opts: InjectOptions = { method: method as any, url: v.url, headers: v.headers };
  if (v.payload !== undefined) opts.payload = v.payload as any;
  let res = await admin.request(opts);
  if (res.statusCode === 401 && !v.url.startsWith('/api/auth/')) {
    admin = await t.as('admin'); // a variant ended the session (it should not have: reported below)
    res = await admin.request(opts);
  }
  return res;
}

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCampaigns(t.database.db, t.org);
  admin = await t.as('admin');
  const office = await t.as('office');
  const coordinator = await t.as('coordinator');
  const st = t.org.stations['创新'];
  ids.district = t.org.districtId;
  ids.unit = st.orgUnitId;
  ids.jurisdictions = st.jurisdictionId;
  ids['org-units'] = st.orgUnitId;
  [{ id: ids.person }] = await rows(sql`select id from users where username = 'insp_1_0'`);
  ids.people = ids.person;
  const e = await office.post('/api/entities', { name: '语料测试药店', kind: 'pharmacy_single', jurisdictionId: st.jurisdictionId });
  expect(e.statusCode, e.body).toBe(200);
  ids.entities = e.json().id;
  const tip = await coordinator.post('/api/tips', {
    kind: 'hazard',
    title: '语料测试',
    description: '',
    place: '幸福路',
    occurredOn: '2026-01-05',
  });
  expect(tip.statusCode, tip.body).toBe(200);
  ids.tips = tip.json().id;
  [{ id: ids.campaigns }] = await rows(sql`select min(id)::int as id from campaigns`);
});
afterAll(() => t?.close());

describe('bad-input corpus over every route', () => {
  it('write routes: no 5xx, refusals in Chinese without internals, nothing persisted by a refused request', async () => {
    const spec = t.app.swagger() as any;
    const writes = t.app.routeTable.filter((r) => r.method !== 'GET' && !r.url.startsWith('/api/docs') && r.url !== '/api/auth/logout');
    expect(writes.length).toBeGreaterThan(30);
    const failures: string[] = [];
    let sent = 0;
    // The fingerprint sees a write that changes no value.
    const s0 = await snapshot();
    await t.database.db.execute(sql`update entities set name = name where id = ${ids.entities}`);
    expect(diff(s0, await snapshot())).toContain('entities');
    for (const r of writes) {
      const op = spec.paths?.[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
      const body: Schema | undefined = op?.requestBody?.content?.['application/json']?.schema;
      const t0 = performance.now();
      const vs = variants(r.method, r.url, body, r.multipart);
      // One fingerprint per request: the state after a refused request is the state before the next.
      let before = await snapshot();
      for (const v of vs) {
        const res = await send(r.method, v);
        sent++;
        const at = `${r.method} ${r.url} [${v.what}] → ${res.statusCode}`;
        const after = await snapshot();
        if (res.statusCode >= 500) failures.push(`${at} ${res.body.slice(0, 200)}`);
        else if (res.statusCode >= 400) {
          const j = (() => {
            try {
              return res.json();
            } catch {
              return null;
            }
          })();
          if (!j || typeof j.code !== 'string' || !/[\u4e00-\u9fa5]/.test(j.message ?? ''))
            failures.push(`${at}: not a {code, message} in Chinese: ${res.body.slice(0, 200)}`);
          if (INTERNALS.test(res.body)) failures.push(`${at}: shows internals: ${res.body.slice(0, 200)}`);
          const changed = diff(before, after);
          if (changed.length) failures.push(`${at}: refused but changed ${changed.join(', ')}`);
        } else if (v.wrong) failures.push(`${at}: accepted a wrong value`);
        before = after;
      }
      if (process.env.CORPUS_TIMES) console.log(`${r.method} ${r.url}: ${vs.length} variants, ${Math.round(performance.now() - t0)} ms`);
    }
    expect(failures, `${failures.length} of ${sent} requests`).toEqual([]);
    expect(sent).toBeGreaterThan(300);
  }, 600_000);

  it('read routes: NUL bytes, control characters and huge ids in query strings and paths are refused, never a 5xx', async () => {
    const reads = t.app.routeTable.filter((r) => r.method === 'GET' && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json');
    const failures: string[] = [];
    for (const r of reads) {
      const t0 = performance.now();
      const base = r.url.replace(/:(\w+)/g, (_m, p) => String(pathId(r.url, p)));
      const urls = [
        `${base}?q=a%00b`,
        `${base}?q=%1b&page=1`,
        `${base}?page=99999999999999&pageSize=2147483648`,
        `${base}?jurisdictionId=2147483648&orgUnitId=1e20&campaignId=99999999999`,
      ];
      for (const p of r.url.match(/:(\w+)/g) ?? [])
        for (const h of HUGE_PATH) urls.push(r.url.replace(p, h).replace(/:(\w+)/g, (_m, q) => String(pathId(r.url, q))));
      for (const url of urls) {
        const res = await admin.get(url);
        if (res.statusCode >= 500) failures.push(`GET ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        else if (res.statusCode >= 400 && INTERNALS.test(res.body)) failures.push(`GET ${url}: shows internals: ${res.body.slice(0, 200)}`);
      }
      // A NUL in the query is refused even where the route ignores unknown parameters.
      const nul = await admin.get(`${base}?q=a%00b`);
      if (nul.statusCode !== 400) failures.push(`GET ${base}?q=a%00b → ${nul.statusCode}, expected 400`);
      if (process.env.CORPUS_TIMES) console.log(`GET ${r.url}: ${Math.round(performance.now() - t0)} ms`);
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
