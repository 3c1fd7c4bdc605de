import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../../test/browser.js';

/** 我的任务 on a phone: one tap from the home page, record an inspection from the card. */
let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
});
afterAll(() => b?.close());

it('an inspector reaches their tasks in one tap from home on a phone and records one', async () => {
  const page = await b.loginAs('inspector_cx', { mobile: true });
  await page.goto(`${b.url}/`);
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
  await cards.first().getByRole('button', { name: /录入检查/ }).click();
  await page.getByLabel('检查情况').fill('现场检查，未发现问题');
  await page.getByRole('button', { name: /确认完成检查/ }).click();
  await page.getByText('已录入，覆盖情况已更新').waitFor();
  await expect.poll(() => page.evaluate(async () => (await (await fetch('/api/my-tasks')).json()).total)).toBe(before - 1);
  // The unit's file is one tap away.
  await cards.first().getByRole('button', { name: /单位档案/ }).click();
  await page.waitForURL(/\/entities\/\d+$/);
  expect(name.length).toBeGreaterThan(0);
});
