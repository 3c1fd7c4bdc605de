import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../../test/browser.js';

let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
});
afterAll(() => b?.close());

let planUrl = '';

it('generates a plan for seed 000 from a recorded seed and publishes it', async () => {
  const page = await b.loginAs('office');
  await page.goto(`${b.url}/plans`);
  await page.locator('.ant-select', { hasText: '选择专项行动' }).click();
  await page.locator('.ant-select-item-option', { hasText: '深入开展药品安全专项整治行动' }).click();
  await page.getByPlaceholder('自动').fill('2022');
  await page.getByRole('button', { name: /生成计划/ }).click();
  await page.waitForURL(/\/plans\/\d+$/);
  planUrl = page.url();
  await expect(page.getByTestId('plan-seed').textContent()).resolves.toContain('2022');
  await expect(page.getByText(/已证明最少/).count()).resolves.toBe(1);
  await page.locator('.ant-table-row').first().waitFor();
  await page.getByRole('button', { name: /发布计划/ }).click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.locator('.ant-tag', { hasText: '已发布' }).waitFor();
});

it('a station inspector records one inspection on a phone and sees coverage move', async () => {
  const page = await b.loginAs('inspector_cx', { mobile: true });
  await page.goto(planUrl);
  await page.locator('.ant-table-row').first().waitFor();
  const stations = await page.locator('.ant-table-row td:nth-child(3)').allTextContents();
  expect(new Set(stations)).toEqual(new Set(['创新市场监督管理所']));
  await page.getByRole('tab', { name: '完成情况' }).click();
  const card = page.getByTestId('coverage-创新所');
  await card.waitFor();
  const before = await page.locator('.ant-statistic', { hasText: '已检' }).locator('.ant-statistic-content-value').textContent();
  expect(before).toBe('0');
  await page.getByRole('tab', { name: '检查任务' }).click();
  await page.getByRole('button', { name: /录\s*入/ }).first().click();
  await page.getByLabel('检查情况').fill('现场检查，未发现问题');
  await page.getByRole('button', { name: /确认完成检查/ }).click();
  await page.getByText('已录入，覆盖情况已更新').waitFor();
  await page.getByRole('tab', { name: '完成情况' }).click();
  await expect
    .poll(async () => page.locator('.ant-statistic', { hasText: '已检' }).locator('.ant-statistic-content-value').textContent(), { timeout: 10_000 })
    .not.toBe('0');
});
