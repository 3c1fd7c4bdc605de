import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../../test/browser.js';

let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
});
afterAll(() => b?.close());

it('signs in and shows the Chinese shell with every module in the menu', async () => {
  const page = await b.loginAs('admin');
  expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  await expect(page.getByRole('menuitem', { name: /组织机构/ }).count()).resolves.toBe(1);
  for (const label of [
    '监管对象',
    '专项行动',
    '检查计划',
    '风险清单',
    '抽检记录',
    '信用分级',
    '投诉举报',
    '处罚公示',
    '统计报送',
    '审计日志',
  ]) {
    await expect(page.getByRole('menuitem', { name: new RegExp(label) }).count()).resolves.toBe(1);
  }
});

it('refuses a wrong password with a Chinese message', async () => {
  const ctx = await b.browser.newContext({ locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(`${b.url}/login`);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('wrong-password1');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('login-error').textContent()).resolves.toContain('用户名或密码错误');
  await ctx.close();
});
