import PizZip from 'pizzip';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../../test/browser.js';
import { DEMO_PASSWORD } from '../../server/demo/org-data.js';

/**
 * 现场检查 on a phone (390×844): a station inspector opens a pharmacy task from 我的任务, answers
 * the checklist with one 不符合 and a photo, loses the network and reloads (the draft survives),
 * gets both inspectors' and the unit's signatures, orders a rectification, submits, downloads the
 * 笔录, and later records the 复查 that closes the rectification.
 */
let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
}, 600_000);
afterAll(() => b?.close());

const api = (page: Page, url: string) => page.evaluate(async (u) => (await fetch(u)).json(), url);

/** Where the canvas is once it has stopped moving (a dialog's opening animation moves it). */
async function settledBox(canvas: Locator) {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const r = (await canvas.boundingBox())!;
    const now = JSON.stringify(r);
    if (now === last) return r;
    last = now;
    await new Promise((res) => setTimeout(res, 60));
  }
  return (await canvas.boundingBox())!;
}

/** Draw a stroke on a signature canvas and confirm it (drawn again if the canvas took no stroke). */
async function sign(page: Page, box: Locator) {
  const canvas = box.getByTestId('signature-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const confirm = box.getByRole('button', { name: /确认签名/ });
  for (let attempt = 1; ; attempt++) {
    const r = await settledBox(canvas);
    await page.mouse.move(r.x + 20, r.y + 40);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(r.x + 20 + i * 22, r.y + 40 + (i % 2) * 50, { steps: 4 });
    await page.mouse.up();
    let taken = false;
    for (let i = 0; i < 10 && !taken; i++) {
      taken = await confirm.isEnabled();
      if (!taken) await new Promise((res) => setTimeout(res, 50));
    }
    if (taken) break;
    if (attempt === 3) throw new Error('the signature canvas took no stroke in three tries');
  }
  await confirm.click();
  await box.getByRole('img', { name: /的签名/ }).waitFor();
}

/** Submit the form and wait for the record's page; a refusal fails with the message shown. */
async function submit(page: Page, notId?: number) {
  await page.getByRole('button', { name: /提交检查记录/ }).click();
  const refused = page.locator('.ant-message-error, .ant-message-warning');
  await Promise.race([
    page.waitForURL((u) => /\/inspections\/\d+$/.test(u.pathname) && !u.pathname.endsWith(`/${notId}`)),
    refused.waitFor().then(async () => {
      throw new Error(`submit refused: ${await refused.textContent()}`);
    }),
  ]);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

async function signAll(page: Page, otherPassword: string) {
  // By whose box, not by place: the order is the order the names were chosen in.
  const inspectors = page.getByTestId('inspector-signature');
  await sign(page, inspectors.filter({ hasText: '（本人）' }));
  const second = inspectors.filter({ hasNotText: '（本人）' });
  await second.getByText('在本机输入密码签名').click();
  await second.getByPlaceholder(/的登录密码/).fill(otherPassword);
  await sign(page, second);
  const unit = page.getByTestId('unit-signature');
  await unit.getByLabel('单位签名人姓名').fill('王店长');
  await unit.getByLabel('单位签名人职务').fill('质量负责人');
  await sign(page, unit);
}

it('records a pharmacy inspection offline-safe with signatures, a rectification and its 复查', async () => {
  const page = await b.loginAs('inspector_cx', { mobile: true });
  const context = page.context();
  await page.goto(`${b.url}/my-tasks`);
  await page.getByTestId('my-task').first().waitFor();
  const tasks = (await api(page, '/api/my-tasks')).items as {
    id: number;
    entityId: number;
    entityName: string;
    entityKind: string;
    stationId: number;
    inspectors: { id: number; name: string }[];
  }[];
  const task = tasks.find((t) => t.entityKind.startsWith('pharmacy') && t.inspectors.length === 2)!;
  expect(task).toBeTruthy();
  // The service worker (offline app shell) controls the page before the network goes.
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker?.controller), { timeout: 20_000 }).toBe(true);

  await page
    .getByTestId('my-task')
    .filter({ hasText: task.entityName })
    .first()
    .getByRole('link', { name: /现场检查/ })
    .click();
  await page.getByTestId('field-inspection').waitFor();
  await page.waitForURL(/\/inspections\/new\?draft=/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Checklist: the first item 不符合 with a finding and a photo, the rest 符合.
  const items = page.getByTestId('checklist-item');
  await items.first().waitFor();
  const count = await items.count();
  expect(count).toBeGreaterThan(3);
  const bad = items.first();
  await bad.getByText('不符合', { exact: true }).click();
  const finding = bad.getByTestId('finding');
  await finding.getByText('较重', { exact: true }).click();
  await finding.getByLabel('问题描述').fill('处方药未凭处方销售，现场查见销售记录');
  const photo = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#c33' } })
    .jpeg()
    .toBuffer();
  await bad.getByLabel('添加现场照片').setInputFiles({ name: 'scene.jpg', mimeType: 'image/jpeg', buffer: photo });
  await bad.getByTestId('draft-photo').waitFor();
  await page.getByRole('button', { name: /其余未填项均为/ }).click();
  await page.getByLabel('检查情况').fill('现场检查处方药销售情况');
  await expect.poll(() => page.getByTestId('draft-status').textContent()).toContain('已保存在本机');

  // No network: reload the page, then find the draft in the list of drafts on this phone.
  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('field-inspection').waitFor();
  await page.getByTestId('draft-status').getByText('离线').waitFor();
  await page.goto(`${b.url}/inspections/new`);
  const list = page.getByTestId('draft-list');
  await list.getByText(task.entityName).waitFor();
  await list
    .getByRole('button', { name: /继续填写/ })
    .first()
    .click();
  await page.getByTestId('field-inspection').waitFor();
  expect(await page.getByLabel('检查情况').inputValue()).toBe('现场检查处方药销售情况');
  expect(await page.getByTestId('finding').getByLabel('问题描述').inputValue()).toContain('处方药未凭处方销售');
  await page.getByTestId('draft-photo').waitFor();

  // Back online: order a rectification, sign (the second inspector with their password on this phone), submit.
  await context.setOffline(false);
  await page.getByLabel('添加处置措施').click();
  await page.locator('.ant-select-item-option', { hasText: '责令限期整改' }).click();
  await page.getByTestId('measure').getByText('责令限期整改').waitFor();
  // The drawn partner has no login in the demo data: the station head (a demo account) stands in.
  const me = await api(page, '/api/auth/me');
  const partner = task.inspectors.find((p) => p.id !== me.id)!;
  const head = (
    (await api(page, `/api/people?jurisdictionId=${task.stationId}&pageSize=200`)).items as {
      id: number;
      username: string;
      displayName: string;
    }[]
  ).find((p) => p.username === 'head_cx')!;
  await page.locator('.ant-select-selection-item', { hasText: partner.name }).locator('.ant-select-selection-item-remove').click();
  await page.getByLabel('检查人员').fill(head.displayName);
  await page.locator('.ant-select-item-option', { hasText: head.displayName }).click();
  await page.getByTestId('inspector-signature').filter({ hasText: head.displayName }).waitFor();
  await signAll(page, DEMO_PASSWORD);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const id = await submit(page);
  const rec = await api(page, `/api/inspections/${id}`);
  expect(rec.status).toBe('done');
  expect(rec.signatures).toHaveLength(3);
  expect(rec.findings).toHaveLength(1);
  expect(rec.files.length).toBe(1);
  expect(rec.rectifications).toHaveLength(1);
  await page
    .getByTestId('measure-view')
    .getByText(/文书编号/)
    .waitFor();
  await page.getByTestId('rectification-view').getByText('整改中').waitFor();
  // The task is done: it leaves 我的任务.
  expect(((await api(page, '/api/my-tasks')).items as { id: number }[]).some((t) => t.id === task.id)).toBe(false);

  // The 笔录 as .docx names the unit and the finding.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /现场检查笔录/ }).click()]);
  const zip = new PizZip(await readFile((await dl.path())!));
  const xml = zip
    .file('word/document.xml')!
    .asText()
    .replace(/<[^>]+>/g, '');
  expect(xml).toContain(task.entityName);
  expect(xml).toContain('处方药未凭处方销售');

  // Later: the 复查 closes the rectification.
  await page.getByRole('button', { name: /复\s*查/ }).click();
  await page.getByTestId('field-inspection').waitFor();
  await page.getByTestId('recheck-rectification').getByText('已整改，销号').click();
  await page.getByRole('button', { name: /其余未填项均为/ }).click();
  await page.getByLabel('检查情况').fill('复查：已按要求整改');
  await signAll(page, DEMO_PASSWORD);
  await submit(page, id);
  const orig = await api(page, `/api/inspections/${id}`);
  expect(orig.rectifications[0].status).toBe('closed');

  // The unit's file shows both inspections.
  await page.goto(`${b.url}/entities/${task.entityId}`);
  await page.getByTestId('entity-timeline').getByText('复查：已按要求整改').waitFor();
}, 300_000);

it('a record submitted offline waits as 待发送, goes out when the network is back, and the partner signs in their own account', async () => {
  const page = await b.loginAs('inspector_cx', { mobile: true });
  const context = page.context();
  await page.goto(`${b.url}/my-tasks`);
  await page.getByTestId('my-task').first().waitFor();
  const tasks = (await api(page, '/api/my-tasks')).items as {
    id: number;
    entityName: string;
    stationId: number;
    inspectors: { id: number; name: string }[];
  }[];
  const task = tasks[0];
  const me = await api(page, '/api/auth/me');
  const head = (
    (await api(page, `/api/people?jurisdictionId=${task.stationId}&pageSize=200`)).items as {
      id: number;
      username: string;
      displayName: string;
    }[]
  ).find((p) => p.username === 'head_cx')!;
  await page.goto(`${b.url}/inspections/new?taskId=${task.id}`);
  await page.getByTestId('field-inspection').waitFor();
  await page.waitForURL(/draft=/);
  // This inspector and the station head (a demo account) go: take everyone off (Backspace), then choose both.
  const chosen = page.locator('.ant-select', { has: page.getByLabel('检查人员') }).locator('.ant-select-selection-item');
  await page.getByLabel('检查人员').focus();
  for (let i = 0; i < 10 && (await chosen.count()); i++) await page.keyboard.press('Backspace');
  // A choice made while the list is still re-rendering after the removals can be lost: choose again what is missing.
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = await chosen.allTextContents();
    for (const name of [me.name, head.displayName]) {
      if (now.includes(name)) continue;
      await page.getByLabel('检查人员').fill(name);
      await page.locator('.ant-select-item-option', { hasText: name }).click();
    }
    if ((await chosen.allTextContents()).length >= 2) break;
  }
  await expect.poll(async () => (await chosen.allTextContents()).sort()).toEqual([me.name, head.displayName].sort());
  if (await page.getByRole('button', { name: /其余未填项均为/ }).count())
    await page.getByRole('button', { name: /其余未填项均为/ }).click();
  await page.getByLabel('检查情况').fill('未发现问题');
  // By whose box, not by place: the order is the order the names were chosen in (a lost choice made again comes last).
  const inspectors = page.getByTestId('inspector-signature');
  await sign(page, inspectors.filter({ hasText: '（本人）' }));
  // The head signs later in their own account (the default for another inspector).
  await inspectors.filter({ hasText: head.displayName }).getByText('提交后由其在本人账号中').waitFor();
  const unit = page.getByTestId('unit-signature');
  await unit.getByLabel('单位签名人姓名').fill('李药师');
  await sign(page, unit);

  await context.setOffline(true);
  await page.getByRole('button', { name: /保存待发送/ }).click();
  await page.getByText('检查记录待发送').waitFor();
  const sentBefore = await page.evaluate(() => navigator.onLine);
  expect(sentBefore).toBe(false);
  await context.setOffline(false);
  await page.waitForURL(/\/inspections\/\d+$/, { timeout: 30_000 });
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  const rec = await api(page, `/api/inspections/${id}`);
  expect(rec.status).toBe('draft');
  expect(rec.awaitingSignatures.map((p: { id: number }) => p.id)).toEqual([head.id]);
  await page.getByTestId('awaiting-signatures').getByText(head.displayName).waitFor();

  // The head finds it on 我的任务 and confirms with their own drawn signature.
  const hp = await b.loginAs('head_cx', { mobile: true, at: '/my-tasks' });
  await hp.getByTestId('awaiting-my-signature').getByRole('link').filter({ hasText: '签名确认' }).first().click();
  await hp.waitForURL(new RegExp(`/inspections/${id}$`));
  await hp
    .getByTestId('awaiting-signatures')
    .getByRole('button', { name: /签名确认/ })
    .click();
  await sign(hp, hp.locator('.ant-modal'));
  await hp
    .locator('.ant-modal')
    .getByRole('button', { name: /提交签名/ })
    .click();
  await hp.getByText('已签名确认').waitFor();
  await expect.poll(async () => (await api(hp, `/api/inspections/${id}`)).status).toBe('done');
}, 300_000);

it('a first visit is kept for offline use, and a page loaded past the worker (a hard reload) is taken over', async () => {
  // First visit in a new browser: nothing of this page went through the worker, which registers
  // only once the app runs; still, the app must reopen offline with its tasks.
  const page = await b.loginAs('inspector_cx', { mobile: true, at: '/my-tasks' });
  const first = await page.getByTestId('my-task').first().textContent();
  const controlled = () => page.evaluate(() => !!navigator.serviceWorker?.controller);
  await expect.poll(controlled, { timeout: 20_000 }).toBe(true);
  await page.context().setOffline(true);
  await page.reload();
  expect(await page.getByTestId('my-task').first().textContent()).toBe(first);
  await page.context().setOffline(false);
  // Ctrl+Shift+R: the page loads without the worker, which is already active, so no activation
  // claims it; the page has to ask.
  const cdp = await page.context().newCDPSession(page);
  await Promise.all([page.waitForEvent('load'), cdp.send('Page.reload', { ignoreCache: true })]);
  await page.getByTestId('my-task').first().waitFor();
  await expect.poll(controlled, { timeout: 20_000 }).toBe(true);
  await page.context().close();
});
