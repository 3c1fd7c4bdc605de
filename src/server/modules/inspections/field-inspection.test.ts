import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import PizZip from 'pizzip';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiToday } from '../../../contracts/calendar.js';
import { checklistFor } from '../../../contracts/checklists/index.js';
import type { Inspection } from '../../../contracts/inspections.js';
import { seedDemoDocuments } from '../../demo/seed-documents.js';
import { seedDemoEntities } from '../../demo/seed-entities.js';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';
import { multipartFile } from '../../../test/multipart.js';

/** The on-site record: checklist, findings, measures, signatures, documents, rectification loop. */
let t: TestApp;
let cx: Client, head: Client, xl: Client, viewer: Client;
let pharmacy: { id: number; kind: string };
let ids: { cx: number; head: number; other: number };
const today = shanghaiToday();
const rows = async (q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as any).rows as any[];
let png: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoEntities(t.database.db, t.org);
  await seedDemoDocuments(t.database.db, t.org);
  [cx, head, xl, viewer] = await Promise.all([t.as('inspector_cx'), t.as('head_cx'), t.as('inspector_xl'), t.as('viewer')]);
  const station = t.org.stations['创新'].jurisdictionId;
  [pharmacy] = await rows(
    sql`select id, kind from entities where jurisdiction_id = ${station} and kind = 'pharmacy_single' order by id limit 1`,
  );
  const people = await rows(
    sql`select id, username from users where username in ('inspector_cx','head_cx') or (jurisdiction_id = ${station} and role = 'inspector' and username <> 'inspector_cx')`,
  );
  ids = {
    cx: people.find((p) => p.username === 'inspector_cx').id,
    head: people.find((p) => p.username === 'head_cx').id,
    other: people.find((p) => !['inspector_cx', 'head_cx'].includes(p.username))?.id,
  };
  const img = await sharp({ create: { width: 60, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } })
    .png()
    .toBuffer();
  png = `data:image/png;base64,${img.toString('base64')}`;
});
afterAll(() => t?.close());

/** A complete pharmacy checklist with the first item 不符合. */
function answers() {
  const c = checklistFor(null, pharmacy.kind);
  const items = c.sections.flatMap((s) => s.items);
  return {
    key: c.key,
    first: items[0].key,
    list: items.map((i, n) => ({
      itemKey: i.key,
      result: n === 0 ? ('fail' as const) : ('pass' as const),
      note: n === 0 ? '执业药师不在岗' : undefined,
    })),
  };
}
function onSite(extra: Record<string, unknown> = {}) {
  const a = answers();
  return {
    clientId: randomUUID(),
    entityId: pharmacy.id,
    kind: 'special',
    date: today,
    startedAt: '09:00',
    endedAt: '10:10',
    staffCount: 2,
    inspectorIds: [ids.cx, ids.head],
    checklistKey: a.key,
    answers: a.list,
    findings: [
      { itemKey: a.first, severity: 'serious', legalBasis: '《药品经营质量管理规范》', description: '执业药师不在岗，处方药未凭处方销售' },
    ],
    measures: [
      { kind: 'rectify', deadline: addDays(today, 10) },
      { kind: 'warning_letter', note: '限期改正' },
    ],
    signatures: [
      { signer: 'inspector', userId: ids.cx, image: png },
      { signer: 'unit', name: '王店长', title: '质量负责人', image: png },
    ],
    ...extra,
  };
}
const count = async (table: string) => Number((await rows(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n);

describe('recording on site', () => {
  it('stays 待签名 until the second inspector confirms from their own session, then numbers its documents and starts the rectification', async () => {
    const res = await cx.post('/api/inspections', onSite());
    expect(res.statusCode, res.body).toBe(200);
    const draft: Inspection = res.json();
    expect(draft).toMatchObject({ status: 'draft', signMode: 'on_site', kind: 'special', recordNo: null, unitSigned: true });
    expect(draft.awaitingSignatures.map((p) => p.id)).toEqual([ids.head]);
    expect(draft.rectifications).toEqual([]);
    // Not counted, not numbered, no documents yet.
    expect((await cx.get(`/api/inspections/${draft.id}/documents/record`)).statusCode).toBe(409);
    // The caller cannot sign twice; the head signs from their own session.
    expect((await cx.post(`/api/inspections/${draft.id}/sign`, { image: png })).statusCode).toBe(409);
    const signed = await head.post(`/api/inspections/${draft.id}/sign`, { image: png });
    expect(signed.statusCode, signed.body).toBe(200);
    const done: Inspection = signed.json();
    expect(done.status).toBe('done');
    expect(done.recordNo).toMatch(/^兴市监笔录〔\d{4}〕\d+号$/);
    expect(done.measures.find((m) => m.kind === 'rectify')!.documentNo).toMatch(/^兴市监责改〔\d{4}〕\d+号$/);
    expect(done.measures.find((m) => m.kind === 'warning_letter')!.documentNo).toMatch(/^兴市监告诫〔\d{4}〕\d+号$/);
    expect(done.rectifications).toHaveLength(1);
    expect(done.rectifications[0]).toMatchObject({ status: 'ordered', deadline: addDays(today, 10), daysOverdue: 0 });
    expect(done.signatures.map((s) => s.name)).toContain('王店长');
    const log = await rows(
      sql`select action from audit_log where entity_type = 'inspection' and entity_id = ${String(done.id)} order by id`,
    );
    expect(log.map((l) => l.action)).toEqual(['inspection.record', 'inspection.sign']);

    // The 笔录 as .docx, filled from the record.
    const doc = await cx.get(`/api/inspections/${done.id}/documents/record`);
    expect(doc.statusCode).toBe(200);
    const text = new PizZip(doc.rawPayload)
      .file('word/document.xml')!
      .asText()
      .replace(/<[^>]+>/g, '');
    expect(text).toContain(done.recordNo);
    expect(text).toContain('执业药师不在岗，处方药未凭处方销售');
    expect(text).toContain(done.entityName);
    const order = new PizZip((await cx.get(`/api/inspections/${done.id}/documents/rectification-order`)).rawPayload)
      .file('word/document.xml')!
      .asText()
      .replace(/<[^>]+>/g, '');
    expect(order).toContain(done.measures.find((m) => m.kind === 'rectify')!.documentNo);
    const print = await cx.get(`/api/inspections/${done.id}/print`);
    expect(print.statusCode).toBe(200);
    expect(print.body).toContain('现场检查笔录');
    expect(print.headers['content-security-policy']).toContain("script-src 'sha256-");
  });

  it('is signed at once when the second inspector confirms on the same phone with their password; a wrong password signs nothing', async () => {
    const body = onSite();
    const wrong = await cx.post('/api/inspections', {
      ...body,
      signatures: [...body.signatures, { signer: 'inspector', userId: ids.head, password: 'not-it', image: png }],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('SIGNATURE_PASSWORD');
    expect((await rows(sql`select 1 from inspections where client_id = ${body.clientId}`)).length).toBe(0);
    const ok = await cx.post('/api/inspections', {
      ...body,
      signatures: [...body.signatures, { signer: 'inspector', userId: ids.head, password: 'demo1234', image: png }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'done', awaitingSignatures: [] });
    const sigs = await rows(sql`select method from inspection_signatures where inspection_id = ${ok.json().id} order by id`);
    expect(sigs.map((s) => s.method).sort()).toEqual(['password', 'session', 'unit']);
  });

  it('a retried submit with the same client id returns the first record and stores nothing new', async () => {
    const body = onSite();
    const first = (await cx.post('/api/inspections', body)).json();
    const before = [
      await count('inspections'),
      await count('inspection_findings'),
      await count('inspection_signatures'),
      await count('files'),
    ];
    const again = await cx.post('/api/inspections', body);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.id);
    // Two at once, too.
    const body2 = onSite();
    const [a, b] = await Promise.all([cx.post('/api/inspections', body2), cx.post('/api/inspections', body2)]);
    expect(a.json().id).toBe(b.json().id);
    expect([
      await count('inspections'),
      await count('inspection_findings'),
      await count('inspection_signatures'),
      await count('files'),
    ]).toEqual([before[0] + 1, before[1] + 1, before[2] + 2, before[3] + 2]);
  });

  it('a 复查 closes the rectification; an overdue one is listed with its days overdue', async () => {
    const body = onSite();
    const done: Inspection = (
      await cx.post('/api/inspections', {
        ...body,
        signatures: [...body.signatures, { signer: 'inspector', userId: ids.head, password: 'demo1234', image: png }],
      })
    ).json();
    const rect = done.rectifications[0];
    // Make it overdue.
    await t.database.db.execute(sql`update rectifications set deadline = ${addDays(today, -3)}::date where id = ${rect.id}`);
    const overdue = (await head.get('/api/rectifications?overdue=true')).json();
    expect(overdue.items.find((x: any) => x.id === rect.id)).toMatchObject({
      daysOverdue: 3,
      status: 'ordered',
      actions: ['submit_evidence', 'extend'],
    });
    const dash = (await head.get('/api/dashboard')).json();
    expect(dash.inspections.overdueRectifications).toBeGreaterThan(0);
    // The unit's evidence, then the 复查.
    const photo = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    const ev = await head.request({
      method: 'POST',
      url: `/api/rectifications/${rect.id}/evidence`,
      ...multipartFile('file', '整改照片.jpg', photo, 'image/jpeg', { note: '已安排执业药师在岗' }),
    });
    expect(ev.statusCode, ev.body).toBe(200);
    expect(ev.json().status).toBe('evidence_submitted');
    const recheck = await cx.post('/api/inspections', {
      clientId: randomUUID(),
      entityId: pharmacy.id,
      kind: 'recheck',
      recheckOf: done.id,
      date: today,
      inspectorIds: [ids.cx, ids.head],
      rectificationResults: [{ rectificationId: rect.id, result: 'closed' }],
      signatures: [
        { signer: 'inspector', userId: ids.cx, image: png },
        { signer: 'inspector', userId: ids.head, password: 'demo1234', image: png },
        { signer: 'unit', name: '王店长', image: png },
      ],
    });
    expect(recheck.statusCode, recheck.body).toBe(200);
    const after = (await cx.get(`/api/inspections/${done.id}`)).json();
    expect(after.rectifications[0]).toMatchObject({ status: 'closed', closedByInspectionId: recheck.json().id, daysOverdue: 0 });
    const log = await rows(
      sql`select action from audit_log where entity_type = 'rectification' and entity_id = ${String(rect.id)} order by id`,
    );
    expect(log.map((l) => l.action)).toEqual(['rectification.submit_evidence', 'rectification.close']);
  });
});

describe('bad input stores nothing', () => {
  const snapshot = async () => [
    await count('inspections'),
    await count('inspection_findings'),
    await count('inspection_measures'),
    await count('inspection_signatures'),
    await count('files'),
  ];
  const cases: [string, () => Record<string, unknown>, number, string?][] = [
    [
      'an answer for an item the checklist lacks',
      () => ({ answers: [...onSite().answers, { itemKey: 'no-such-item', result: 'pass' }] }),
      400,
    ],
    ['a 不符合 without a finding', () => ({ findings: [] }), 400],
    ['a rectification deadline in the past', () => ({ measures: [{ kind: 'rectify', deadline: addDays(today, -1) }] }), 400],
    ['one inspector only', () => ({ inspectorIds: [ids.cx], signatures: [{ signer: 'inspector', userId: ids.cx, image: png }] }), 400],
    [
      'a signature from someone not on the inspection',
      () => ({ signatures: [{ signer: 'inspector', userId: ids.other, password: 'demo1234', image: png }] }),
      400,
    ],
    [
      'an on-site fine above the simple-procedure limit',
      () => ({ measures: [{ kind: 'on_site_penalty', amount: 5000, party: 'organisation' }] }),
      400,
      'PENALTY_OVER_SIMPLE_LIMIT',
    ],
    [
      'a signature that is not a PNG',
      () => ({ signatures: [{ signer: 'unit', name: '王店长', image: 'data:image/png;base64,AAAA' }] }),
      415,
    ],
  ];
  for (const [what, patch, status, code] of cases) {
    it(`refuses ${what}`, async () => {
      const before = await snapshot();
      const res = await cx.post('/api/inspections', { ...onSite(), ...patch() });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
      if (code) expect(res.json().code).toBe(code);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('refuses an inspection of another station’s unit (404, nothing named)', async () => {
    const res = await xl.post('/api/inspections', { ...onSite(), inspectorIds: [ids.cx, ids.head] });
    expect(res.statusCode).toBe(404);
  });

  it('refuses a renamed .exe as a photo and a 50 MB photo, and keeps no bytes', async () => {
    const body = onSite();
    const rec = (
      await cx.post('/api/inspections', {
        ...body,
        signatures: [...body.signatures, { signer: 'inspector', userId: ids.head, password: 'demo1234', image: png }],
      })
    ).json();
    const before = await count('files');
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 1)]);
    expect(
      (
        await cx.request({
          method: 'POST',
          url: `/api/inspections/${rec.id}/files`,
          ...multipartFile('file', 'photo.jpg', exe, 'image/jpeg'),
        })
      ).statusCode,
    ).toBe(415);
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(50 * 1024 * 1024)]);
    expect(
      (
        await cx.request({
          method: 'POST',
          url: `/api/inspections/${rec.id}/files`,
          ...multipartFile('file', 'big.jpg', big, 'image/jpeg'),
        })
      ).statusCode,
    ).toBe(413);
    expect(await count('files')).toBe(before);
    const ok = await cx.request({
      method: 'POST',
      url: `/api/inspections/${rec.id}/files`,
      ...multipartFile(
        'file',
        '现场.jpg',
        await sharp({ create: { width: 30, height: 30, channels: 3, background: '#fff' } })
          .jpeg()
          .toBuffer(),
        'image/jpeg',
        { itemKey: answers().first },
      ),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await cx.get(`/api/inspections/${rec.id}`)).json().files.map((f: any) => f.id)).toContain(ok.json().id);
    // Another station's inspector may not fetch it.
    expect((await xl.get(`/api/files/${ok.json().id}`)).statusCode).toBe(404);
  });
});

describe('who may', () => {
  it('a viewer reads but records nothing; a coordinator sees no inspections', async () => {
    expect((await viewer.post('/api/inspections', onSite())).statusCode).toBe(403);
    expect((await viewer.get('/api/inspections')).statusCode).toBe(200);
    const coordinator = await t.as('coordinator');
    expect((await coordinator.get('/api/inspections')).statusCode).toBe(403);
  });

  it('the station head lists the station’s inspections with filters and exports them', async () => {
    const all = (await head.get('/api/inspections?pageSize=100')).json();
    expect(all.total).toBeGreaterThan(0);
    const wf = await head.get('/api/inspections?result=findings&pageSize=100');
    expect(wf.statusCode, wf.body).toBe(200);
    const withFindings = wf.json();
    expect(withFindings.items.every((x: any) => x.findings > 0)).toBe(true);
    const byMe = (await head.get(`/api/inspections?inspectorId=${ids.head}&kind=special&pageSize=100`)).json();
    expect(byMe.items.every((x: any) => x.kind === 'special' && x.inspectors.some((p: any) => p.id === ids.head))).toBe(true);
    const other = (await xl.get('/api/inspections?pageSize=100')).json();
    expect(other.items.some((x: any) => x.entityId === pharmacy.id)).toBe(false);
    const xlsx = await head.get('/api/inspections/export?result=findings');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('lists a random inspection for publication with its deadline 20 working days later', async () => {
    const date = '2026-02-11';
    const body = onSite({
      kind: 'random',
      date,
      measures: [],
      findings: [],
      answers: answers().list.map((a) => ({ ...a, result: 'pass' })),
    });
    const res = await cx.post('/api/inspections', {
      ...body,
      signatures: [...(body.signatures as any[]), { signer: 'inspector', userId: ids.head, password: 'demo1234', image: png }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const list = (await head.get('/api/inspections/publication?from=2026-02-01&to=2026-02-28')).json();
    const item = list.find((x: any) => x.inspectionId === res.json().id);
    // Spring Festival 2026: 02-15..02-23 off, 02-14 and 02-28 make-up working days.
    expect(item).toMatchObject({ date, result: '未发现问题', publishBy: '2026-03-17' });
  });
});
