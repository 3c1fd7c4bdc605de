import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../../test/browser.js';

/** The 工作台 on the demo data: role-aware sections, on a desktop and on a phone. */
let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
});
afterAll(() => b?.close());

it('shows the 创新所 inspector their pending tips, task items, deadlines, campaigns and staffing', async () => {
  const page = await b.loginAs('inspector_cx');
  await page.getByTestId('dashboard').waitFor();
  await expect.poll(() => page.getByTestId('todo-tips').textContent()).toMatch(/待受理的基层上报\s*2\s*条/);
  await expect.poll(() => page.getByTestId('todo-tasks').textContent()).toContain('构建基层监管网络建设');
  await expect.poll(() => page.getByTestId('dashboard-campaign').first().textContent()).toContain('【演示】');
  await expect.poll(() => page.getByTestId('staffing').textContent()).toContain('创新市场监督管理所');
  await page.getByTestId('deadlines').waitFor({ state: 'visible' });
  expect(await page.getByTestId('my-tips').count()).toBe(0);
  await page.getByTestId('todo-tips').click();
  await page.waitForURL(/\/tips$/);
});

it('shows a coordinator on a phone only their own tips, stacked, with the report button', async () => {
  const phone = await b.loginAs('coordinator', { mobile: true });
  await phone.getByTestId('my-tips').waitFor();
  for (const id of ['todo', 'deadlines', 'campaigns', 'staffing']) expect(await phone.getByTestId(id).count()).toBe(0);
  // Only their own: the demo coordinator reported one tip in each of 待受理, 已受理, 已转办 and none
  // was rejected; the informant of the same area has one 待受理 and one 不予受理. A card counting the
  // area's tips would show 2 待受理 and 1 不予受理.
  const counts = async () => {
    const text = (await phone.getByTestId('my-tips').textContent()) ?? '';
    return Object.fromEntries(
      ['待受理', '已受理', '不予受理', '已转办'].map((label) => [label, Number(new RegExp(`(\\d+)\\s*${label}`).exec(text)?.[1])]),
    );
  };
  await expect.poll(counts).toEqual({ 待受理: 1, 已受理: 1, 不予受理: 0, 已转办: 1 });
  // Cards stack: the card is as wide as the content area.
  const box = (await phone.getByTestId('my-tips').boundingBox())!;
  expect(box.width).toBeGreaterThan(330);
  await phone
    .getByTestId('my-tips')
    .getByRole('button', { name: /上\s*报/ })
    .click();
  await phone.waitForURL(/\/tips\/new$/);
});
