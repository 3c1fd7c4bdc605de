import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeCreditCode } from '../../contracts/credit-code.js';
import { startBrowserApp, type BrowserApp } from '../../test/browser.js';

let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
});
afterAll(() => b?.close());

it('downloads the template, imports a filled copy and finds the unit by part of its Chinese name', async () => {
  const page = await b.loginAs('office');
  await page.getByRole('menuitem', { name: /基础数据/ }).click();
  await page.getByRole('menuitem', { name: /监管对象/ }).click();
  await page
    .getByTestId('entity-total')
    .getByText(/共 \d+ 家/)
    .waitFor();

  await page.getByRole('button', { name: /导\s*入/ }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载导入模板/ }).click()]);
  expect(download.suggestedFilename()).toBe('监管对象导入模板.xlsx');
  const dir = mkdtempSync(path.join(tmpdir(), 'yj-e2e-'));
  const template = path.join(dir, 'template.xlsx');
  await download.saveAs(template);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.getWorksheet('监管对象')!;
  const headers = (ws.getRow(1).values as string[]).slice(1);
  const values: Record<string, string> = {
    单位名称: '浏览器测试康宁大药房',
    统一社会信用代码: makeCreditCode('92', '211103', '88880001'),
    主体类型: '零售药店（单体）',
    许可证编号: 'E2E-0001',
    许可证有效期至: '2028-12-31',
    所属监管所: '创新所',
    地址: '兴隆台区测试大街1号',
    负责人: '测试员',
    风险等级: '中',
    信用等级: 'A',
    标签: '医院周边',
  };
  ws.getRow(2).values = headers.map((h) => values[h] ?? null);
  const filled = path.join(dir, '监管对象.xlsx');
  await wb.xlsx.writeFile(filled);

  await page.locator('.ant-modal input[type=file]').setInputFiles(filled);
  await page.getByText(/校验通过：将新增 1 家/).waitFor();
  await page.getByRole('button', { name: /确认导入/ }).click();
  await page.getByText('导入完成').waitFor();
  await page.getByRole('button', { name: /完\s*成/ }).click();

  await page.getByLabel('搜索监管对象').fill('测试康宁');
  await page.getByLabel('搜索监管对象').press('Enter');
  await page.getByTestId('entity-total').getByText('共 1 家').waitFor();
  await page.getByRole('link', { name: '浏览器测试康宁大药房' }).click();
  await page.getByTestId('entity-detail').getByText('测试员').waitFor();
  await expect.poll(() => page.getByTestId('entity-timeline').textContent()).toContain('导入登记');
  await page.getByText('E2E-0001').first().waitFor();

  await page.getByRole('button', { name: /修\s*改/ }).click();
  await page.getByLabel('负责人', { exact: true }).fill('改后负责人');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByTestId('entity-detail').getByText('改后负责人').waitFor();
  await page.getByTestId('entity-timeline').getByText('修改信息').waitFor();
});

it('a bad row is named in the dry-run report and nothing is imported', async () => {
  const page = await b.loginAs('office', { at: '/entities' });
  await page.getByRole('button', { name: /导\s*入/ }).click();
  const dir = mkdtempSync(path.join(tmpdir(), 'yj-e2e-'));
  const file = path.join(dir, 'bad.csv');
  const good = makeCreditCode('92', '211103', '88880002');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(
    file,
    `单位名称,统一社会信用代码,主体类型,所属监管所\n坏行测试药店,${good.slice(0, 17)}${good[17] === '1' ? '2' : '1'},零售药店（单体）,创新所\n`,
  );
  await page.locator('.ant-modal input[type=file]').setInputFiles(file);
  await page.getByTestId('import-errors').getByText('第2行').waitFor();
  await expect(page.getByTestId('import-errors').textContent()).resolves.toMatch(/校验码错误/);
  await expect(page.getByRole('button', { name: /确认导入/ }).isDisabled()).resolves.toBe(true);
});

it('opens the new-unit form from the list (loaded when first opened) and closes it again', async () => {
  const page = await b.loginAs('office', { at: '/entities' });
  await page.locator('.ant-table-row').first().waitFor();
  await page.getByRole('button', { name: /新\s*增/ }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: '新增监管对象' });
  await drawer.getByLabel('名称').first().waitFor();
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });
}, 120_000);
