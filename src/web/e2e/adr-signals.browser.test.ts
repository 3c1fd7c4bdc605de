import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADR_IMPORT_COLUMNS } from '../../contracts/adr.js';
import { addDays, shanghaiToday } from '../../contracts/calendar.js';
import { startBrowserApp, type BrowserApp } from '../../test/browser.js';

let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
}, 600_000);
afterAll(() => b?.close());

/** Three reports of 信号测试片 with 心悸 and one of another drug: a pair with N = 3. */
function csvFile() {
  const today = shanghaiToday();
  const headers = ADR_IMPORT_COLUMNS.map((c) => c.header);
  const row = (code: string, drug: string, reaction: string, daysAgo: number): Record<string, string> => ({
    报告编码: code,
    报告类别: '药品不良反应',
    报告单位名称: '信号测试医院',
    报告单位类别: '医疗机构',
    患者性别: '男',
    年龄: '61',
    通用名称: drug,
    批号: `SIG${daysAgo}`,
    生产企业: '信号测试制药（演示）',
    不良反应名称: reaction,
    严重程度: '一般',
    新的: '否',
    发生日期: addDays(today, -daysAgo),
    报告日期: addDays(today, -daysAgo + 1),
    转归: '好转',
    是否死亡: '否',
  });
  const rows = [
    row('SIG-1', '信号测试片', '心悸', 20),
    row('SIG-2', '信号测试片', '心悸', 14),
    row('SIG-3', '信号测试片', '心悸', 9),
    row('SIG-4', '对照测试胶囊', '头痛', 5),
  ];
  const text = [headers.join(','), ...rows.map((r) => headers.map((h) => r[h] ?? '').join(','))].join('\r\n') + '\r\n';
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'yj-adr-signals-')), '不良反应报告.csv');
  writeFileSync(file, text);
  return file;
}

it('imports a file, opens 信号检测 and a signal’s reports', async () => {
  const page = await b.loginAs('office', { at: '/monitoring?tab=reports' });
  await page.getByRole('button', { name: /导\s*入/ }).click();
  await page.locator('.ant-modal input[type=file]').setInputFiles(csvFile());
  await expect(page.locator('.ant-modal .ant-descriptions').textContent()).resolves.toMatch(/新增4/);
  await page.getByRole('button', { name: /确认导入/ }).click();
  await page.getByText('导入完成').waitFor();
  await page.getByRole('button', { name: /完\s*成/ }).click();

  await page.getByRole('tab', { name: '信号检测' }).click();
  await page.getByTestId('adr-trend-chart').waitFor();
  // The first look fits the EBGM prior; a filter leaves the counts as they are, so the fit is reused.
  await page.getByText(/EBGM 先验：本次拟合（用时 \d+ 毫秒）/).waitFor();
  await page.getByPlaceholder('药品通用名称').fill('信号测试片');
  await page.getByPlaceholder('药品通用名称').press('Enter');
  const row = page.getByRole('row', { name: /信号测试片\s*心悸/ });
  await row.waitFor();
  await expect(row.getByRole('cell').nth(2).textContent()).resolves.toBe('3');
  await page.getByText(/EBGM 先验：沿用 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 的拟合/).waitFor();
  await row.click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByText('信号测试片 — 心悸：相关报告').waitFor();
  for (const code of ['SIG-1', 'SIG-2', 'SIG-3']) await drawer.getByRole('cell', { name: code }).waitFor();
  await expect(drawer.getByRole('cell', { name: 'SIG-4' }).count()).resolves.toBe(0);
}, 300_000);

it('fits a 390 px phone without sideways scrolling on 信号检测', async () => {
  const phone = await b.loginAs('office', { mobile: true, at: '/monitoring?tab=signals' });
  await phone.getByRole('tab', { name: '信号检测' }).waitFor();
  await phone.getByText('药品—不良反应信号').waitFor();
  await phone.waitForLoadState('networkidle');
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}, 300_000);
