import { afterAll, beforeAll, expect, it } from 'vitest';
import { pageFetch, startBrowserApp, type BrowserApp } from '../../test/browser.js';

/** 我的任务 on a phone: one tap from the home page, record an inspection from the card. */
let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
}, 600_000);
afterAll(() => b?.close());

it('an inspector reaches their tasks in one tap from home on a phone and records one', async () => {
  const page = await b.loginAs('inspector_cx', { mobile: true, at: '/' });
  await page.getByTestId('my-tasks-card').click();
  await page.waitForURL(/\/my-tasks$/);
  const cards = page.getByTestId('my-task');
  await cards.first().waitFor();
  const before = await page.evaluate(async () => (await (await fetch('/api/my-tasks')).json()).total);
  expect(before).toBeGreaterThan(0);
  // Fits the phone: no sideways scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // The demo campaign ran in 2022: open tasks are overdue and say so.
  await cards.first().locator('.ant-tag', { hasText: '已逾期' }).waitFor();
  const name = (await cards.first().locator('a').first().textContent())!;
  await cards
    .first()
    .getByRole('button', { name: /录入检查/ })
    .click();
  await page.getByLabel('检查情况').fill('现场检查，未发现问题');
  await page.getByRole('button', { name: /确认完成检查/ }).click();
  await page.getByText('已录入，覆盖情况已更新').waitFor();
  await expect.poll(() => page.evaluate(async () => (await (await fetch('/api/my-tasks')).json()).total)).toBe(before - 1);
  // The unit's file is one tap away.
  await cards
    .first()
    .getByRole('button', { name: /单位档案/ })
    .click();
  await page.waitForURL(/\/entities\/\d+$/);
  expect(name.length).toBeGreaterThan(0);
}, 240_000);

it('the inspector withdraws (撤回) a recorded inspection with a reason: the task is open again', async () => {
  const page = await b.loginAs('inspector_cx', { mobile: true, at: '/my-tasks' });
  await page.getByTestId('my-task').first().waitFor();
  const task = await page.evaluate(async () => (await (await fetch('/api/my-tasks')).json()).items[0]);
  const { json: rec } = await pageFetch(page, '/api/inspections', {
    method: 'POST',
    body: { planTaskId: task.id, date: '2022-06-01', inspectorIds: task.inspectors.map((i: any) => i.id) },
  });
  expect(rec.status).toBe('done');
  await page.goto(`${b.url}/plans/${task.planId}`);
  await page.getByPlaceholder('检查对象名称').fill(task.entityName);
  await page.getByPlaceholder('检查对象名称').press('Enter');
  const card = page.getByTestId('task-card').filter({ hasText: task.entityName }).filter({ hasText: '已完成' }).first();
  await card.getByRole('button', { name: /查\s*看/ }).click();
  await page
    .locator('.ant-drawer')
    .getByRole('button', { name: /撤\s*回/ })
    .click();
  const dialog = page.locator('.ant-modal');
  await dialog.getByLabel('撤回原因').fill('录错了单位');
  await dialog.getByRole('button', { name: /撤\s*回/ }).click();
  await page.getByText('已撤回').first().waitFor();
  await expect
    .poll(() => page.evaluate(async (id) => (await (await fetch(`/api/inspections/${id}`)).json()).status, rec.id))
    .toBe('planned');
}, 240_000);
