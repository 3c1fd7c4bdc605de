import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../../test/browser.js';

let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
});
afterAll(() => b?.close());

const node = (page: Page, name: string) => page.locator('.ant-tree-treenode', { hasText: name });
const peopleTable = (page: Page) => page.getByTestId('people-table');

/**
 * Clicks a part of a tree node once the tree is at rest. While a level opens, antd draws its nodes in a
 * temporary animation wrapper and swaps in the real nodes when the animation ends; on a busy machine that
 * swap can fall between mouse down and mouse up, and the click is lost (the node never opens or gets selected).
 */
async function clickNode(page: Page, name: string, part: '.ant-tree-switcher' | '.ant-tree-node-content-wrapper') {
  const target = node(page, name).first().locator(part);
  await target.waitFor();
  await page.locator('.ant-tree-treenode-motion').first().waitFor({ state: 'detached' });
  await target.click();
}
const expand = (page: Page, name: string) => clickNode(page, name, '.ant-tree-switcher');
const select = (page: Page, name: string) => clickNode(page, name, '.ant-tree-node-content-wrapper');

it('admin sees the Chinese tree, expands to a station and sees its people', async () => {
  const page = await b.loginAs('admin');
  await page.getByRole('menuitem', { name: /基础数据/ }).click();
  await page.getByRole('menuitem', { name: /组织机构/ }).click();
  await page.waitForURL(/\/org$/);
  // Roots open by themselves while a level has a single child: 辽宁省 → 盘锦市 → (兴隆台区, 查干旗).
  await node(page, '兴隆台区').waitFor();
  await expect(node(page, '查干旗').count()).resolves.toBe(1);
  await expect(node(page, '兴隆台区').textContent()).resolves.toContain('区');
  await expect(node(page, '查干旗').textContent()).resolves.toContain('旗');
  await expand(page, '兴隆台区');
  await node(page, '创新市场监督管理所').waitFor();
  await expect(node(page, '兴隆市场监督管理所').count()).resolves.toBe(1);
  await expect(node(page, '创新市场监督管理所').textContent()).resolves.toContain('市场监管所');

  await select(page, '创新市场监督管理所');
  await expect.poll(() => page.getByTestId('org-selected').textContent()).toBe('创新市场监督管理所');
  await peopleTable(page).getByText('inspector_cx').waitFor();
  await expect(peopleTable(page).getByText('inspector_xl').count()).resolves.toBe(0);

  // Townships of a banner station are labelled 苏木.
  await expand(page, '查干旗');
  await expand(page, '查干市场监督管理所');
  await page.locator('.ant-tree-treenode', { hasText: '苏木' }).first().waitFor();

  // The 机构 tab of the district lists units with their kind labels.
  await select(page, '兴隆台区');
  await page.getByRole('tab', { name: '机构' }).click();
  const units = page.getByTestId('units-table');
  await units.getByText('执法大队').first().waitFor();
  await expect(units.getByText('股室').count()).resolves.toBeGreaterThan(0);
  await expect(units.getByText('兴隆市场监督管理所').count()).resolves.toBeGreaterThan(0);
});

it('admin adds a person: a server error shows next to its field, then a temporary password is issued', async () => {
  const page = await b.loginAs('admin');
  page.setDefaultTimeout(20_000);
  try {
    await addPerson(page);
  } catch (e) {
    await page.screenshot({ path: '/tmp/org-e2e-failure.png', fullPage: true });
    throw e;
  }
});

async function addPerson(page: Page) {
  await page.goto(`${b.url}/org`);
  await node(page, '兴隆台区').waitFor();
  await expand(page, '兴隆台区');
  await select(page, '创新市场监督管理所');
  await expect.poll(() => page.getByTestId('org-selected').textContent()).toBe('创新市场监督管理所');
  await peopleTable(page).getByText('inspector_cx').waitFor();
  await page.getByRole('button', { name: /新增人员/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('测试新人');
  await dialog.getByLabel('用户名').fill('inspector_cx'); // taken: the server says so under the field
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await dialog.locator('.ant-form-item-explain-error', { hasText: '用户名已被使用' }).waitFor();
  await dialog.getByLabel('用户名').fill('new_person_1');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  const temp = page.locator('.ant-modal-confirm', { hasText: '临时密码' });
  await temp.waitFor();
  expect(await temp.textContent()).toMatch(/new_person_1/);
  await temp.getByRole('button').last().click();
  await page.getByPlaceholder('姓名 / 用户名 / 手机').fill('new_person_1');
  await page.getByPlaceholder('姓名 / 用户名 / 手机').press('Enter');
  await peopleTable(page).getByText('测试新人').waitFor();
}

async function xlsx(rows: string[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  ws.addRow(['姓名', '用户名', '所属机构', '角色', '数据范围', '负责辖区', '职务', '手机', '邮箱']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

it('admin imports people from Excel: template, dry run naming the bad row, then confirm', async () => {
  const page = await b.loginAs('admin', { at: '/org' });
  await node(page, '兴隆台区').waitFor();
  await page.getByRole('button', { name: /Excel 导入/ }).click();
  const dialog = page.getByRole('dialog');
  const [dl] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /下载模板/ }).click()]);
  expect(dl.suggestedFilename()).toBe('人员导入模板.xlsx');

  const input = dialog.locator('input[type=file]');
  const good = ['导入甲', 'import_a', '创新所', '协管员', '', '', '', '13912340000', ''];
  await input.setInputFiles({
    name: '人员.xlsx',
    mimeType: 'application/octet-stream',
    buffer: await xlsx([good, ['导入乙', 'import_b', '创新所', '总指挥', '', '', '', '', '']]),
  });
  const check = dialog.getByTestId('import-check');
  await check.getByText('第 3 行').waitFor();
  expect(await check.textContent()).toContain('未知角色“总指挥”');
  await expect(dialog.getByTestId('import-confirm').isDisabled()).resolves.toBe(true);

  await input.setInputFiles({
    name: '人员2.xlsx',
    mimeType: 'application/octet-stream',
    buffer: await xlsx([good, ['导入乙', 'import_b', '创新所', '信息员', '', '', '', '', '']]),
  });
  await check.getByText('全部通过校验').waitFor();
  await dialog.getByTestId('import-confirm').click();
  await dialog.getByText('已导入 2 人').waitFor();
  await dialog.getByRole('button', { name: /完\s*成/ }).click();
  await page.getByPlaceholder('姓名 / 用户名 / 手机').fill('import_');
  await page.getByPlaceholder('姓名 / 用户名 / 手机').press('Enter');
  // The table keeps the previous page while the search loads: wait for the searched list itself.
  const rows = peopleTable(page).locator('.ant-table-row');
  await expect
    .poll(async () => (await rows.allTextContents()).map((t) => /导入[甲乙]/.exec(t)?.[0] ?? t).sort())
    .toEqual(['导入乙', '导入甲']);
});

it('inspector_cx sees 创新所 but nothing of 兴隆所, and no write buttons', async () => {
  const page = await b.loginAs('inspector_cx', { at: '/org' });
  await expect.poll(() => page.getByTestId('org-selected').textContent()).toBe('创新市场监督管理所');
  await peopleTable(page).getByText('inspector_cx').waitFor();
  await expect(peopleTable(page).getByText('inspector_xl').count()).resolves.toBe(0);
  await expect(node(page, '兴隆').count()).resolves.toBe(0);
  await expect(node(page, '兴隆台区').count()).resolves.toBe(0);
  // Searching by another station's account finds nothing.
  await page.getByPlaceholder('姓名 / 用户名 / 手机').fill('inspector_xl');
  await page.getByPlaceholder('姓名 / 用户名 / 手机').press('Enter');
  await peopleTable(page).locator('.ant-table-placeholder').waitFor();
  await expect(peopleTable(page).locator('.ant-table-row').count()).resolves.toBe(0);
  await page.getByRole('tab', { name: '机构' }).click();
  await page.getByTestId('units-table').getByText('创新市场监督管理所').first().waitFor();
  await expect(page.getByTestId('units-table').getByText('兴隆市场监督管理所').count()).resolves.toBe(0);
  for (const label of [/新增人员/, /Excel 导入/, /新增机构/, /新增下级辖区/]) {
    await expect(page.getByRole('button', { name: label }).count()).resolves.toBe(0);
  }
});

it('works on a phone (390×844): menu button, tree drawer, people list', async () => {
  const page = await b.loginAs('head_cx', { mobile: true, at: '/org' });
  await page.getByRole('button', { name: '菜单' }).waitFor({ state: 'visible' });
  await expect(page.getByRole('button', { name: '菜单' }).isVisible()).resolves.toBe(true);
  await peopleTable(page).getByText('inspector_cx').waitFor();
  await expect(page.getByRole('button', { name: /新增人员/ }).isVisible()).resolves.toBe(true);
  await page.screenshot({ path: '/tmp/org-mobile-e2e.png', fullPage: true });
  // Nothing spills sideways on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByTestId('open-tree').click();
  await node(page, '创新市场监督管理所').waitFor();
  await select(page, '创新市场监督管理所');
  await expect.poll(() => page.getByTestId('org-selected').textContent()).toBe('创新市场监督管理所');
});
