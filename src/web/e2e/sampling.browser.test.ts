import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../../test/browser.js';

let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
}, 600_000);
afterAll(() => b?.close());

it('an inspector records a sample on a phone, sends it, enters an 不合格 result and sees the follow-up', async () => {
  const res = (await b.database.db.execute(
    sql`select e.name from entities e join users u on u.jurisdiction_id = e.jurisdiction_id
        where u.username = 'inspector_cx' and e.kind = 'pharmacy_single' order by e.id desc limit 1`,
  )) as unknown as { rows: { name: string }[] };
  const unit = res.rows[0].name;
  const page = await b.loginAs('inspector_cx', { mobile: true, at: '/sampling/records' });
  await page.getByRole('button', { name: /录入抽样/ }).click();
  await page.waitForURL(/\/sampling\/records\/new$/);
  await page.locator('#entityId').click();
  await page.keyboard.type(unit);
  await page.locator('.ant-select-item-option').filter({ hasText: unit }).first().click();
  await page.getByLabel('产品名称').fill('六味地黄丸');
  await page.getByLabel('批号').fill('250101');
  await page.getByLabel('标示生产企业').fill('某某药业有限公司');
  await page.getByLabel('抽样数量').fill('6');
  await page.locator('#samplerIds').click();
  // The samplers' own dropdown (the unit picker's may still be closing: its option would match too).
  const options = page
    .locator('.ant-select-dropdown:visible', { has: page.locator('#samplerIds_list') })
    .locator('.ant-select-item-option');
  await options.first().waitFor();
  await options.nth(0).click();
  await options.nth(1).click();
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole('button', { name: '提交抽样记录' }).click();
  await page.waitForURL(/\/sampling\/records\/\d+$/);
  await page.getByText(/抽样〔\d{4}〕\d{4}号/).waitFor();
  // The 抽样单 to sign on site: a Word file named by its number.
  const [doc] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载抽样单' }).click()]);
  expect(doc.suggestedFilename()).toMatch(/^抽样单-抽样〔\d{4}〕\d{4}号.*\.docx$/);

  await page.getByRole('button', { name: /送\s*检/ }).click();
  const send = page.locator('.ant-modal').filter({ hasText: '送检日期' });
  await send.getByLabel('检验机构').fill('市食品药品检验所');
  await send.getByRole('button', { name: /确\s*定/ }).click();
  await page.getByText('检验中').first().waitFor();

  await page.getByRole('button', { name: '录入检验结果' }).click();
  const result = page.locator('.ant-modal').filter({ hasText: '检验报告编号' });
  await result
    .locator('label.ant-radio-button-wrapper')
    .filter({ hasText: /^不合格$/ })
    .click();
  await result.getByRole('button', { name: /添加不合格项目/ }).click();
  await result.getByPlaceholder('如：含量测定').fill('溶散时限');
  await result.getByPlaceholder('如：《中国药典》2020年版一部').fill('《中国药典》2020年版一部');
  await result.getByLabel('检验报告编号').fill('SJ2026-0099');
  await result.getByRole('button', { name: /确\s*定/ }).click();

  const followUp = page.getByTestId('follow-up');
  await followUp.waitFor();
  await followUp.getByText('尚未送达').waitFor();
  await page.getByText('溶散时限：不符合《中国药典》2020年版一部').waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}, 180_000);
