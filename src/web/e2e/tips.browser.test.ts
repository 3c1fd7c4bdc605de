import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../../test/browser.js';

let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
});
afterAll(() => b?.close());

// A tiny valid PNG (1×1).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

it('a coordinator reports a hazard from a phone, corrects it, and the 创新所 inspector accepts it', async () => {
  const draft = '小区门口有人卖药';
  const title = '小区门口流动摊贩售卖药品';
  const phone = await b.loginAs('coordinator', { mobile: true, at: '/tips' });
  await phone.getByRole('button', { name: /上\s*报/ }).click();
  await phone.waitForURL(/\/tips\/new$/);
  await phone.getByLabel('标题').waitFor();
  await phone.getByRole('radio', { name: '隐患' }).check();
  await phone.getByLabel('标题').fill(draft);
  await phone.getByLabel('情况描述').fill('每天傍晚有人摆摊出售感冒药和抗生素，无任何资质。');
  await phone.getByLabel('地点').fill('和平街道锦绣小区南门');
  await phone.getByLabel('发生日期').fill('2026-11-20');
  await phone.locator('input[type=file]').setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: PNG });
  await phone.getByRole('button', { name: '提交上报' }).click();
  await phone.waitForURL(/\/tips$/);
  await phone.getByTestId('tip-item').filter({ hasText: draft }).click();
  // Before review the reporter may still correct it.
  await phone.getByRole('button', { name: /修改上报/ }).click();
  await phone.waitForURL(/\/tips\/\d+\/edit$/);
  await expect.poll(() => phone.getByLabel('标题').inputValue()).toBe(draft);
  await phone.getByLabel('标题').fill(title);
  await phone.getByRole('button', { name: '保存修改' }).click();
  await phone.waitForURL(/\/tips$/);
  const mine = phone.getByTestId('tip-item').filter({ hasText: title });
  await mine.waitFor();
  await expect(mine.getByTestId('tip-status').textContent()).resolves.toBe('待受理');
  // Nothing overflows the phone screen sideways.
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const staff = await b.loginAs('inspector_cx', { mobile: true, at: '/tips' });
  const pending = staff.getByTestId('tip-item').filter({ hasText: title });
  await pending.click();
  await staff.getByRole('img', { name: '现场.png' }).waitFor();
  await expect(staff.getByRole('img', { name: '现场.png' }).count()).resolves.toBe(1);
  await staff
    .getByRole('button', { name: /受\s*理/ })
    .first()
    .click();
  // Acceptance is confirmed in a dialog, with an optional comment that the record keeps.
  const dialog = staff.locator('.ant-modal').filter({ hasText: '确认受理' });
  await dialog.getByPlaceholder('请填写受理意见（可不填）').fill('安排本周内现场核查');
  await dialog.getByRole('button', { name: /受\s*理/ }).click();
  await expect.poll(() => staff.getByTestId('tip-drawer-status').textContent()).toBe('已受理');
  await staff.getByText(/^安排本周内现场核查（/).waitFor(); // the comment, signed by its reviewer

  await phone.reload();
  await expect.poll(() => phone.getByTestId('tip-item').filter({ hasText: title }).getByTestId('tip-status').textContent()).toBe('已受理');
  // The other coordinator's and informant's demo tips stay out of this coordinator's list.
  const titles = await phone.getByTestId('tip-item').allTextContents();
  expect(titles.some((x) => x.includes('村卫生室销售来源不明的中药饮片'))).toBe(false);
});
