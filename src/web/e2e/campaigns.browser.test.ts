import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../../test/browser.js';

let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
}, 300_000); // seeds the whole demo (and its seed-000 plan) first: slow on a shared machine
afterAll(() => b?.close());

it('shows a 推定 value on the seed-000 campaign home with its reason, and the office confirms it', async () => {
  const page = await b.loginAs('office', { at: '/campaigns' });
  await page
    .getByRole('link', { name: /深入开展药品安全专项整治行动/ })
    .first()
    .click();
  const pending = page.getByTestId('pending-decisions');
  await pending.waitFor();
  // The three readings of seed 000, each option with the fewest inspections it needs.
  await expect.poll(() => page.getByTestId('reading').count()).toBe(3);
  await expect
    .poll(() => page.getByTestId('reading').filter({ hasText: '个体诊所' }).textContent(), { timeout: 30_000 })
    .toMatch(/最少检查 \d+ 次[\s\S]*最少检查 \d+ 次/);
  // The weekly report's submitters are the template's inference: 推定, the reason on hover.
  const item = page.getByTestId('pending-item').filter({ hasText: '每周汇总、通报线索摸排' }).filter({ hasText: '的报送单位' });
  await item.waitFor();
  // Every value in the bureau's words: no JSON, no internal codes (key_area_urban_rural, serious_finding, cases.filed).
  const pendingTexts = await page.getByTestId('pending-item').allTextContents();
  expect(pendingTexts.length).toBeGreaterThan(10);
  expect(pendingTexts.filter((x) => /[{}"]|[a-z]+[_.][a-z]+/.test(x))).toEqual([]);
  await page.getByRole('tab', { name: '报送任务' }).click();
  const row = page.getByRole('row', { name: /每周汇总、通报线索摸排/ });
  // “每周汇总、通报” gives no weekday: no date is invented, the row says what is missing.
  await expect.poll(() => row.getByTestId('obligation-unset').textContent()).toBe('方案未定：星期几');
  const tag = row.getByTestId('inferred-tag').first();
  await tag.hover();
  await expect.poll(() => page.locator('.ant-tooltip').last().textContent()).toContain('未写由谁报送');
  await item.getByRole('button', { name: /确\s*认/ }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*认/ })
    .click();
  await expect.poll(() => item.count()).toBe(0);
  await expect
    .poll(() =>
      page
        .getByRole('row', { name: /每周汇总、通报线索摸排/ })
        .getByTestId('inferred-tag')
        .count(),
    )
    .toBe(0);
  await page.getByRole('tab', { name: '版本历史' }).click();
  await page
    .getByText(/确认推定值 报送任务“每周汇总、通报线索摸排、移送、立案和查处情况”的报送单位/)
    .first()
    .waitFor();
}, 180_000); // the readings' minimum inspections are solved over the whole demo registry

it('creates a campaign from a seed template through the form, sets the period the plan leaves unset and sees the timeline', async () => {
  const page = await b.loginAs('office', { at: '/campaigns' });
  await page.getByRole('button', { name: /新建专项行动/ }).click();
  await page.locator('.ant-select', { hasText: '选择方案模板' }).click();
  await page.locator('.ant-select-item-option', { hasText: '深入开展药品安全专项整治行动' }).click();
  await expect.poll(() => page.locator('#name').inputValue()).toBe('深入开展药品安全专项整治行动');

  // The plan gives no period (方案未定): the form leaves it empty. A wrong date order is refused, pointing at the field.
  await expect.poll(() => page.locator('#period_from').inputValue()).toBe('');
  await page.locator('#period_from').fill('2022-03-28');
  await page.locator('#period_to').fill('2022-03-01');
  await page.getByRole('button', { name: /创\s*建/ }).click();
  await expect.poll(() => page.getByTestId('definition-issues').textContent()).toMatch(/period\.to.*结束日期不能早于开始日期/);
  await page.locator('.ant-form-item-explain-error', { hasText: '结束日期不能早于开始日期' }).first().waitFor();

  await page.locator('#period_to').fill('2022-12-30');
  await page.getByRole('button', { name: /创\s*建/ }).click();
  await page.waitForURL(/\/campaigns\/\d+$/);
  await page.getByTestId('timeline').waitFor();
  await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('2022-12-30');
  // No phases in the plan: 方案未定 instead of dates.
  await expect.poll(() => page.getByTestId('unset-phases').textContent()).toContain('方案未定');
  await expect.poll(() => page.getByText('已过行动期间').count()).toBe(1);

  await page.getByRole('tab', { name: '版本历史' }).click();
  await page.getByText('初始版本').first().waitFor();
});

it('shows today inside the current demo campaign, and a station fills in its own liaison on a phone', async () => {
  const page = await b.loginAs('inspector_cx', { mobile: true, at: '/campaigns' });
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
