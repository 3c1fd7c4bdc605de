import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../../test/browser.js';

let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
});
afterAll(() => b?.close());

it('creates a campaign from a seed template through the form, fixes a phase date and sees the timeline', async () => {
  const page = await b.loginAs('office');
  await page.goto(`${b.url}/campaigns`);
  await page.getByRole('button', { name: /新建专项行动/ }).click();
  await page.locator('.ant-select', { hasText: '选择方案模板' }).click();
  await page.locator('.ant-select-item-option', { hasText: '深入开展药品安全专项整治行动' }).click();
  await expect.poll(() => page.locator('#name').inputValue()).toBe('深入开展药品安全专项整治行动');

  await page.getByRole('tab', { name: '阶段' }).click();
  // A wrong date order is refused, pointing at the field.
  await page.locator('#phases_0_to').fill('2022-03-01');
  await page.getByRole('button', { name: /创\s*建/ }).click();
  await expect.poll(() => page.getByTestId('definition-issues').textContent()).toMatch(/phases\.0\.to.*结束日期不能早于开始日期/);
  await page.locator('.ant-form-item-explain-error', { hasText: '结束日期不能早于开始日期' }).first().waitFor();

  await page.locator('#phases_0_to').fill('2022-12-30');
  await page.getByRole('button', { name: /创\s*建/ }).click();
  await page.waitForURL(/\/campaigns\/\d+$/);
  await page.getByTestId('timeline').waitFor();
  await expect.poll(() => page.getByTestId('phase-list').textContent()).toContain('全年专项整治 2022-03-28 至 2022-12-30');
  await expect.poll(() => page.getByText('已过行动期间').count()).toBe(1);

  await page.getByRole('tab', { name: '版本历史' }).click();
  await page.getByText('初始版本').first().waitFor();
});

it('shows today inside the current demo campaign, and a station fills in its own liaison on a phone', async () => {
  const page = await b.loginAs('inspector_cx', { mobile: true });
  await page.goto(`${b.url}/campaigns`);
  await page.getByRole('link', { name: /【演示】/ }).click();
  await page.getByTestId('today-marker').waitFor();
  await page.getByText('当前阶段').first().waitFor();
  await page.locator('.ant-select', { hasText: '任务分工' }).click();
  await page.locator('.ant-select-item-option', { hasText: '联络员' }).click();
  const buttons = page.getByRole('button', { name: /填\s*报/ });
  await buttons.first().waitFor();
  await expect.poll(() => buttons.count()).toBe(1); // only its own row
  await buttons.click();
  await page.getByLabel('姓名').fill('林晓');
  await page.getByLabel('移动电话').fill('13900002222');
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByText('林晓').waitFor();
});
