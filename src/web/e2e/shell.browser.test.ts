import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../../test/browser.js';

let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
});
afterAll(() => b?.close());

it('signs in and shows the Chinese shell with every module in the menu, grouped', async () => {
  const page = await b.loginAs('admin');
  expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  const item = (label: string) => page.getByRole('menuitem', { name: new RegExp(`^\\S*\\s*${label}$`) });
  const groups: [string, string[]][] = [
    ['专项行动', ['检查计划']],
    ['监督检查', ['现场检查', '整改跟踪']],
    ['风险与抽检', ['风险清单', '抽检记录', '信用分级']],
    ['线索与案件', ['投诉举报', '处罚公示']],
    ['基础数据', ['监管对象', '组织机构', '审计日志']],
  ];
  for (const [group, pages] of groups) {
    await item(group).click();
    for (const label of pages) await expect.poll(() => item(label).count()).toBe(1);
  }
  // A page opened by its address opens its group in the menu.
  await page.goto(`${b.url}/credit`);
  await expect.poll(() => page.locator('.ant-menu-item-selected').textContent()).toContain('信用分级');
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
