import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../../test/browser.js';

let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
});
afterAll(() => b?.close());

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

it('the owner asks for closure with evidence on a phone; the station head verifies it at the desk', async () => {
  const title = '处方药未凭处方销售';
  const phone = await b.loginAs('inspector_cx', { mobile: true, at: '/risks' });
  const card = phone.getByTestId('risk-card').filter({ hasText: title });
  await card.click();
  const drawer = phone.getByTestId('risk-drawer');
  await expect.poll(() => drawer.getByTestId('risk-status').textContent()).toBe('管控中');
  // No evidence yet: no closure request offered.
  await expect(drawer.getByTestId('risk-action-request_closure').count()).resolves.toBe(0);
  await drawer.locator('input[type=file]').setInputFiles({ name: '整改照片.png', mimeType: 'image/png', buffer: PNG });
  await drawer.getByRole('button', { name: '上传证明材料' }).click();
  await drawer.getByTestId('risk-evidence').filter({ hasText: '整改照片.png' }).waitFor();
  await drawer.getByTestId('risk-action-request_closure').click();
  const dialog = phone.locator('.ant-modal').filter({ hasText: '申请销号' });
  await dialog.getByLabel('说明').fill('已整改到位');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect.poll(() => drawer.getByTestId('risk-status').textContent()).toBe('申请销号');
  // The owner is not offered the verification.
  await expect(drawer.getByTestId('risk-action-close').count()).resolves.toBe(0);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  for (const page of ['/common-risks', '/consultations']) {
    await phone.goto(`${b.url}${page}`);
    await phone
      .getByTestId(page === '/common-risks' ? 'common-risk-card' : 'consultation-card')
      .first()
      .waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth), page).toBeLessThanOrEqual(390);
  }

  const desk = await b.loginAs('head_cx', { at: '/risks' });
  await desk.getByText(title, { exact: true }).first().click();
  const d2 = desk.getByTestId('risk-drawer');
  await d2.getByTestId('risk-action-close').click();
  await desk
    .locator('.ant-modal')
    .filter({ hasText: '验收销号' })
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect.poll(() => d2.getByTestId('risk-status').textContent()).toBe('已销号');
}, 240_000);
