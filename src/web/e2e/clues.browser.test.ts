import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../../test/browser.js';

let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
});
afterAll(() => b?.close());

it('on a phone, the 投诉举报中心 accepts a complaint, turns it into a clue and starts verifying it', async () => {
  const phone = await b.loginAs('dept', { mobile: true, at: '/complaints' });
  await phone.getByTestId('complaint-item').filter({ hasText: '购买的感冒药已过有效期' }).click();
  await expect.poll(() => phone.getByTestId('complaint-status').textContent()).toBe('待受理');
  await phone.getByRole('button', { name: /^受\s*理$/ }).click();
  await phone
    .locator('.ant-modal')
    .filter({ hasText: '办理日期' })
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect.poll(() => phone.getByTestId('complaint-status').textContent()).toBe('已受理');
  await phone.getByRole('button', { name: '转为线索' }).click();
  await phone.getByText(/^线索 \d+/).click();
  await phone.waitForURL(/\/clues\?id=\d+$/);
  await expect.poll(() => phone.getByTestId('clue-status').textContent()).toBe('待核查');
  await phone.getByRole('button', { name: '开始核查' }).first().click();
  await phone.locator('.ant-modal').filter({ hasText: '确认开始核查' }).getByRole('button', { name: '开始核查' }).click();
  await expect.poll(() => phone.getByTestId('clue-status').textContent()).toBe('核查中');
  await phone.locator('textarea').first().fill('已调取销售记录，确认售出过期药品2盒。');
  await phone.getByRole('button', { name: '保存核查情况' }).click();
  await phone.getByText('核查情况已保存').waitFor();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}, 180_000);
