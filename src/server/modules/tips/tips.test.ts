import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIP_PHOTO_MAX_BYTES } from '../../../contracts/tips.js';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';

/** Scope and input rules of grassroots tips, through the HTTP API on a real database. */
let t: TestApp;
let coordinator: Client, informant: Client, coordinatorXl: Client, inspectorCx: Client, inspectorXl: Client, admin: Client;

const tipInput = (title: string) => ({
  kind: 'hazard',
  title,
  description: '门店销售过期药品',
  place: '和平街道幸福路12号',
  occurredOn: '2026-11-20',
});

export function multipart(fileName: string, type: string, data: Buffer) {
  const boundary = '----yjtest' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, data, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  // A second coordinator, in 兴隆所's first township, with a login.
  const xl = t.org.stations['兴隆'];
  const res = await admin.post('/api/people', {
    username: 'coordinator_xl',
    displayName: '测试协管员',
    role: 'coordinator',
    orgUnitId: xl.orgUnitId,
    jurisdictionId: xl.townshipIds[0],
    password: 'Xinglong2026',
  });
  expect(res.statusCode, res.body).toBe(200);
  [coordinator, informant, coordinatorXl, inspectorCx, inspectorXl] = await Promise.all([
    t.as('coordinator'),
    t.as('informant'),
    t.as('coordinator_xl', 'Xinglong2026'),
    t.as('inspector_cx'),
    t.as('inspector_xl'),
  ]);
});
afterAll(() => t?.close());

describe('scope: a coordinator sees only what they submitted', () => {
  let own: number, byInformant: number, inXl: number;
  beforeAll(async () => {
    own = (await coordinator.post('/api/tips', tipInput('协管员上报A'))).json().id;
    byInformant = (await informant.post('/api/tips', { ...tipInput('信息员上报B'), kind: 'clue' })).json().id;
    inXl = (await coordinatorXl.post('/api/tips', tipInput('兴隆协管员上报C'))).json().id;
    expect([own, byInformant, inXl].every(Number.isInteger)).toBe(true);
  });

  it('files a tip under the reporter’s own township or village', async () => {
    const a = (await coordinator.get(`/api/tips/${own}`)).json();
    expect(a).toMatchObject({ jurisdictionId: t.org.stations['创新'].townshipIds[0], status: 'submitted', editable: true, actions: [] });
    const b = (await informant.get(`/api/tips/${byInformant}`)).json();
    expect(b.jurisdictionId).toBe(t.org.stations['创新'].villageIds[0]);
  });

  it('lists only the reporter’s own tips', async () => {
    const titles = (c: Client) =>
      c.get('/api/tips?pageSize=100').then((r) =>
        r
          .json()
          .items.map((i: any) => i.title)
          .sort(),
      );
    expect(await titles(coordinator)).toEqual(['协管员上报A']);
    expect(await titles(informant)).toEqual(['信息员上报B']);
    expect(await titles(coordinatorXl)).toEqual(['兴隆协管员上报C']);
  });

  it('hides another reporter’s tip and refuses to change it', async () => {
    expect((await coordinator.get(`/api/tips/${byInformant}`)).statusCode).toBe(404);
    expect((await coordinator.get(`/api/tips/${inXl}`)).statusCode).toBe(404);
    const patch = await coordinator.patch(`/api/tips/${byInformant}`, { title: '改别人的', version: 1 });
    expect(patch.statusCode).toBe(404);
    expect((await coordinator.post(`/api/tips/${inXl}/transition`, { action: 'accept' })).statusCode).toBe(403);
    expect(
      (await coordinator.request({ method: 'POST', url: `/api/tips/${byInformant}/photos`, ...multipart('a.png', 'image/png', PNG) }))
        .statusCode,
    ).toBe(404);
    expect((await informant.get(`/api/tips/${byInformant}`)).json().title).toBe('信息员上报B');
  });

  it('shows station staff the tips of their area only', async () => {
    const titles = (c: Client) =>
      c.get('/api/tips?pageSize=100').then((r) =>
        r
          .json()
          .items.map((i: any) => i.title)
          .sort(),
      );
    expect(await titles(inspectorCx)).toEqual(['信息员上报B', '协管员上报A']);
    expect(await titles(inspectorXl)).toEqual(['兴隆协管员上报C']);
    expect((await inspectorCx.get(`/api/tips/${inXl}`)).statusCode).toBe(404);
    expect((await inspectorCx.post(`/api/tips/${inXl}/transition`, { action: 'accept' })).statusCode).toBe(404);
    expect((await inspectorXl.get(`/api/tips/${own}`)).statusCode).toBe(404);
    expect((await inspectorCx.get(`/api/tips/${own}`)).json().actions).toEqual(['accept', 'reject']);
    // The district bureau sees both stations' tips.
    const office = await t.as('office');
    expect((await office.get('/api/tips?pageSize=100')).json().total).toBe(3);
  });

  it('lets the informant submit but never review', async () => {
    const res = await informant.post(`/api/tips/${byInformant}/transition`, { action: 'accept' });
    expect(res.statusCode).toBe(403);
    expect((await inspectorCx.get(`/api/tips/${byInformant}`)).json().status).toBe('submitted');
  });

  it('refuses submission by staff without tips.submit', async () => {
    expect((await inspectorCx.post('/api/tips', tipInput('检查员不能上报'))).statusCode).toBe(403);
  });

  it('serves a photo only to those who may see the tip', async () => {
    const up = await coordinator.request({ method: 'POST', url: `/api/tips/${own}/photos`, ...multipart('现场.png', 'image/png', PNG) });
    expect(up.statusCode, up.body).toBe(200);
    const photo = up.json().photos[0];
    expect(photo).toMatchObject({ fileName: '现场.png', mimeType: 'image/png', size: PNG.length });
    const got = await inspectorCx.get(`/api/tips/${own}/photos/${photo.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(got.rawPayload, PNG)).toBe(0);
    expect((await inspectorXl.get(`/api/tips/${own}/photos/${photo.id}`)).statusCode).toBe(404);
    expect((await informant.get(`/api/tips/${own}/photos/${photo.id}`)).statusCode).toBe(404);
  });
});

describe('bad input', () => {
  it('refuses a tip without a title, with a Chinese message, and stores nothing', async () => {
    const before = (await coordinator.get('/api/tips')).json().total;
    const { title: _omit, ...noTitle } = tipInput('x');
    const res = await coordinator.post('/api/tips', noTitle);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
    expect(res.json().message).toMatch(/请求参数有误|标题/);
    const blank = await coordinator.post('/api/tips', { ...tipInput('  '), title: '   ' });
    expect(blank.statusCode).toBe(400);
    expect((await coordinator.post('/api/tips', { ...tipInput('未来'), occurredOn: '2999-01-01' })).json().message).toBe(
      '发生日期不能晚于今天',
    );
    expect((await coordinator.get('/api/tips')).json().total).toBe(before);
  });

  it('refuses an oversized photo and a file that is not an image', async () => {
    const id = (await coordinator.post('/api/tips', tipInput('照片测试'))).json().id;
    const big = Buffer.concat([PNG, Buffer.alloc(TIP_PHOTO_MAX_BYTES, 7)]);
    const res = await coordinator.request({ method: 'POST', url: `/api/tips/${id}/photos`, ...multipart('big.png', 'image/png', big) });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'FILE_TOO_LARGE', message: '照片不能超过 5 MB' });
    const fake = await coordinator.request({
      method: 'POST',
      url: `/api/tips/${id}/photos`,
      ...multipart('x.png', 'image/png', Buffer.from('<script>alert(1)</script>')),
    });
    expect(fake.statusCode).toBe(415);
    expect(fake.json()).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE', message: expect.stringContaining('JPG、PNG、WebP') });
    expect((await coordinator.get(`/api/tips/${id}`)).json().photos).toEqual([]);
    // A real phone photo (a few MB, above the 1 MB JSON body limit) is accepted.
    const phonePhoto = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3 * 1024 * 1024, 9)]);
    const ok = await coordinator.request({
      method: 'POST',
      url: `/api/tips/${id}/photos`,
      ...multipart('IMG_0001.jpg', 'image/jpeg', phonePhoto),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().photos).toEqual([expect.objectContaining({ mimeType: 'image/jpeg', size: phonePhoto.length })]);
  });
});
