import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper shared with `npm start`
import { webDir } from '../../../scripts/web-build.mjs';
import { startBrowserApp, type BrowserApp } from '../../test/browser.js';
import { ADMIN_PASSWORD } from '../../server/demo/org-data.js';

let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
});
afterAll(() => b?.close());

it('signs in through the form and shows the Chinese shell with every module in the menu, grouped', async () => {
  // The other browser tests sign in through the API (loginAs); this one walks the form.
  const ctx = await b.browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 850 } });
  const page = await ctx.newPage();
  await page.goto(`${b.url}/login`);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('user-menu').waitFor();
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
  await ctx.close();
});

it("antd's animations follow the system's reduced-motion setting", async () => {
  const duration = async (reducedMotion: 'reduce' | 'no-preference') => {
    const ctx = await b.browser.newContext({ locale: 'zh-CN', reducedMotion });
    await ctx.request.post(`${b.url}/api/auth/login`, { data: { username: 'admin', password: ADMIN_PASSWORD } });
    const page = await ctx.newPage();
    await page.goto(`${b.url}/entities`);
    await page.locator('.ant-table-row').first().waitFor();
    // The drawer's slide: antd's motion duration as the page's CSS resolves it.
    const value = await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.style.transitionDuration = 'var(--ant-motion-duration-mid)';
      document.querySelector('.ant-table')!.appendChild(probe);
      const d = getComputedStyle(probe).transitionDuration;
      probe.remove();
      return d;
    });
    await ctx.close();
    return value;
  };
  expect(await duration('reduce')).toBe('0s');
  expect(await duration('no-preference')).not.toBe('0s');
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

it("a first load asks for the page's reads once each, beside its code, not after it", async () => {
  const admin = await b.browser.newContext();
  await admin.request.post(`${b.url}/api/auth/login`, { data: { username: 'admin', password: ADMIN_PASSWORD } });
  const campaigns = (await (await admin.request.get(`${b.url}/api/campaigns`)).json()) as { id: number }[];
  await admin.close();
  const id = campaigns[0]!.id;
  // address, the page's code, what shows it is there, the reads asked before its code has arrived
  const pages: [string, string, string, string[]][] = [
    ['/', 'HomePage', '[data-testid=dashboard]', ['/api/dashboard']],
    ['/entities', 'EntitiesPage', '.ant-table-row', ['/api/org-units', '/api/entities?page=1&pageSize=20']],
    [
      '/entities?kinds=pharmacy_single&sort=-updated&page=2',
      'EntitiesPage',
      '.ant-table-row',
      ['/api/entities?kinds=pharmacy_single&sort=-updated&page=2&pageSize=20'],
    ],
    [`/campaigns/${id}`, 'CampaignHomePage', '.ant-table-row', [`/api/campaigns/${id}/home`, `/api/campaigns/${id}/versions`]],
  ];
  for (const [path, chunk, shown, early] of pages) {
    const context = await b.browser.newContext({ locale: 'zh-CN' });
    await context.request.post(`${b.url}/api/auth/login`, { data: { username: 'admin', password: ADMIN_PASSWORD } });
    const page = await context.newPage();
    const events: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'GET' && new URL(r.url()).pathname.startsWith('/api/')) events.push(r.url().replace(b.url, ''));
    });
    page.on('requestfinished', (r) => {
      if (new RegExp(`/assets/${chunk}-[^/]+\\.js$`).test(r.url())) events.push('page code loaded');
    });
    await page.goto(`${b.url}${path}`);
    await page.locator(shown).first().waitFor();
    await page.waitForLoadState('networkidle');
    const seen = `${path}: ${events.join(', ')}`;
    const reads = events.filter((e) => e !== 'page code loaded');
    expect(new Set(reads).size, seen).toBe(reads.length);
    const loaded = events.indexOf('page code loaded');
    expect(loaded, seen).toBeGreaterThan(0);
    for (const url of ['/api/auth/me', ...early]) {
      expect(events.indexOf(url), `${url} asked before the page's code arrived — ${seen}`).toBeGreaterThanOrEqual(0);
      expect(events.indexOf(url), `${url} asked before the page's code arrived — ${seen}`).toBeLessThan(loaded);
    }
    await context.close();
  }
});

it("serves React's production build even when the web app was built by the test run (NODE_ENV=test)", () => {
  expect(process.env.NODE_ENV).toBe('test');
  const assets = path.join(webDir, 'assets');
  const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
  expect(scripts.some((f) => f.startsWith('react-'))).toBe(true);
  // A warning only React DOM's development build carries.
  const dev = scripts.filter((f) => readFileSync(path.join(assets, f), 'utf8').includes('is not a valid value for revealOrder'));
  expect(dev).toEqual([]);
});
