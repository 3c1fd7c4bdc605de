import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../../contracts/permissions.js';
import { createTestApp, type Client, type TestApp } from '../../../test/app.js';
import { tipWorkflow } from './workflow.js';

/** The tip state table: legal steps are audited, illegal ones refused in Chinese with nothing changed. */
let t: TestApp;
let coordinator: Client, inspector: Client, head: Client;

beforeAll(async () => {
  t = await createTestApp();
  [coordinator, inspector, head] = await Promise.all([t.as('coordinator'), t.as('inspector_cx'), t.as('head_cx')]);
});
afterAll(() => t?.close());

const submit = async (title: string) =>
  (await coordinator.post('/api/tips', { kind: 'clue', title, place: '友谊街道', occurredOn: '2026-11-01' })).json().id as number;

async function auditOf(id: number) {
  const r = await t.database.db.execute(
    sql`select action, before, after, actor_name from audit_log where entity_type = 'tip' and entity_id = ${String(id)} order by id`,
  );
  return (r as any).rows as { action: string; before: any; after: any; actor_name: string }[];
}
async function state(id: number) {
  const r = await t.database.db.execute(sql`select status, review_note, forward_note, updated_at from tips where id = ${id}`);
  return (r as any).rows[0];
}

it('every role in the table may review (holds tips.review)', () => {
  for (const row of tipWorkflow.spec.transitions)
    for (const role of row.roles ?? []) expect(ROLE_PERMISSIONS[role]).toContain('tips.review');
});

it('accepts then forwards, auditing each step in the same transaction as the change', async () => {
  const id = await submit('药店疑似回收药品');
  const acc = await inspector.post(`/api/tips/${id}/transition`, { action: 'accept', note: '安排核查' });
  expect(acc.statusCode, acc.body).toBe(200);
  expect(acc.json()).toMatchObject({ status: 'accepted', reviewNote: '安排核查', actions: ['forward', 'reopen'], editable: false });
  expect((await coordinator.get(`/api/tips/${id}`)).json()).toMatchObject({
    status: 'accepted',
    editable: false,
    reviewerName: expect.any(String),
  });
  const fwd = await head.post(`/api/tips/${id}/transition`, { action: 'forward', note: '转执法大队' });
  expect(fwd.statusCode, fwd.body).toBe(200);
  expect(fwd.json()).toMatchObject({ status: 'forwarded', forwardNote: '转执法大队', actions: [] });
  const log = await auditOf(id);
  expect(log.map((l) => l.action)).toEqual(['tip.submit', 'tip.accept', 'tip.forward']);
  expect(log[1]).toMatchObject({ before: { status: 'submitted' }, after: { status: 'accepted', note: '安排核查' } });
  expect(log[2]).toMatchObject({ before: { status: 'accepted' }, after: { status: 'forwarded' } });
});

it('undoes an acceptance with a reason (back to 待受理, audited) until it is forwarded', async () => {
  const id = await submit('误受理的线索');
  expect((await inspector.post(`/api/tips/${id}/transition`, { action: 'accept', note: '受理' })).statusCode).toBe(200);
  const noReason = await inspector.post(`/api/tips/${id}/transition`, { action: 'reopen' });
  expect(noReason.statusCode).toBe(400);
  expect(noReason.json().message).toBe('请填写撤回原因');
  expect((await state(id)).status).toBe('accepted');
  const undo = await inspector.post(`/api/tips/${id}/transition`, { action: 'reopen', note: '点错了，应由其他所受理' });
  expect(undo.statusCode, undo.body).toBe(200);
  expect(undo.json()).toMatchObject({ status: 'submitted', reviewNote: null, actions: ['accept', 'reject'] });
  expect((await coordinator.get(`/api/tips/${id}`)).json()).toMatchObject({ status: 'submitted', editable: true });
  const log = await auditOf(id);
  expect(log.at(-1)).toMatchObject({
    action: 'tip.reopen',
    before: { status: 'accepted' },
    after: { status: 'submitted', note: '点错了，应由其他所受理' },
  });
  // Once forwarded, something depends on the acceptance: no undo.
  await inspector.post(`/api/tips/${id}/transition`, { action: 'accept' });
  await inspector.post(`/api/tips/${id}/transition`, { action: 'forward', note: '转执法大队' });
  const late = await inspector.post(`/api/tips/${id}/transition`, { action: 'reopen', note: '再撤回' });
  expect(late.statusCode).toBe(409);
  expect((await state(id)).status).toBe('forwarded');
});

it('rejects only with a reason', async () => {
  const id = await submit('无效线索');
  const noReason = await inspector.post(`/api/tips/${id}/transition`, { action: 'reject' });
  expect(noReason.statusCode).toBe(400);
  expect(noReason.json().message).toBe('请填写不予受理理由');
  const blank = await inspector.post(`/api/tips/${id}/transition`, { action: 'reject', note: '   ' });
  expect(blank.statusCode).toBe(400);
  expect((await state(id)).status).toBe('submitted');
  const ok = await inspector.post(`/api/tips/${id}/transition`, { action: 'reject', note: '不属于药品监管范围' });
  expect(ok.json()).toMatchObject({ status: 'rejected', reviewNote: '不属于药品监管范围', actions: [] });
  expect((await auditOf(id)).map((l) => l.action)).toEqual(['tip.submit', 'tip.reject']);
});

it('refuses illegal transitions with a Chinese message and changes nothing', async () => {
  const fresh = await submit('待受理');
  const rejected = await submit('已驳回');
  await inspector.post(`/api/tips/${rejected}/transition`, { action: 'reject', note: '重复上报' });
  const forwarded = await submit('已转办');
  await inspector.post(`/api/tips/${forwarded}/transition`, { action: 'accept' });
  await inspector.post(`/api/tips/${forwarded}/transition`, { action: 'forward', note: '转办' });

  const cases: [number, string, string][] = [
    [fresh, 'forward', '当前状态为“待受理”，不能转办'],
    [rejected, 'accept', '当前状态为“不予受理”，不能受理'],
    [rejected, 'forward', '当前状态为“不予受理”，不能转办'],
    [forwarded, 'accept', '当前状态为“已转办”，不能受理'],
    [forwarded, 'reject', '当前状态为“已转办”，不能不予受理'],
  ];
  for (const [id, action, message] of cases) {
    const before = await state(id);
    const auditBefore = (await auditOf(id)).length;
    const res = await inspector.post(`/api/tips/${id}/transition`, { action, note: '说明' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'ILLEGAL_TRANSITION', message });
    expect(await state(id)).toEqual(before);
    expect((await auditOf(id)).length).toBe(auditBefore);
  }
  // An accepted tip is out of the reporter's hands.
  const edit = await coordinator.patch(`/api/tips/${forwarded}`, { title: '改标题', version: await t.version('tips', forwarded) });
  expect(edit.statusCode).toBe(409);
  expect(edit.json().message).toBe('已受理或已处理的上报不能再修改');
});

it('lets the reporter edit while submitted, audited with before and after', async () => {
  const id = await submit('原标题');
  const res = await coordinator.patch(`/api/tips/${id}`, { title: '新标题', entityName: '某某大药房', version: 1 });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ title: '新标题', entityName: '某某大药房' });
  const log = await auditOf(id);
  expect(log.at(-1)).toMatchObject({ action: 'tip.update', before: { title: '原标题' }, after: { title: '新标题' } });
});
