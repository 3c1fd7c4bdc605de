import { readFileSync } from 'node:fs';
import PizZip from 'pizzip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freeRowsPlan, reportingPlan } from '../../server/modules/reports/submissions/fixture.js';
import { pageFetch, startBrowserApp, type BrowserApp } from '../../test/browser.js';

let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
}, 600_000);
afterAll(() => b?.close());

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const STATION = '创新市场监督管理所';
const PROBLEMS = '个别零售药店未按规定凭处方销售处方药，' + '部分单位进货查验记录不全。'.repeat(70);

/** A write through the signed-in page's session, as the web app does. */
const post = async (page: Page, url: string, body: unknown) => (await pageFetch(page, url, { method: 'POST', body })).json;

/** Open the one report of the list box and return its drawer. */
async function openFrom(page: Page, box: string) {
  await page.goto(`${b.url}/reports/submissions?box=${box}`);
  await page.getByText('自查报告').first().click();
  const drawer = page.getByTestId('submission-drawer');
  await drawer.waitFor();
  return drawer;
}
const status = (drawer: ReturnType<Page['getByTestId']>) => drawer.getByTestId('submission-status').textContent();

it('a self-inspection report goes through the unit head and the leader, is returned once, fixed and accepted; the Word file holds the unit and the text', async () => {
  const office = await b.loginAs('office');
  // A plan whose self-inspection report is reviewed by the unit head and the leader in charge, with a stamped scan.
  const campaign = await post(office, '/api/campaigns', { definition: reportingPlan(), status: 'active' });
  expect(campaign.id, JSON.stringify(campaign)).toBeGreaterThan(0);

  // The liaison drafts it from the calendar (on a phone the calendar fits).
  const phone = await b.loginAs('inspector_cx', { mobile: true, at: `/reports/calendar?campaign=${campaign.id}` });
  await phone.getByTestId('draft-self-2026-11-15').waitFor();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const cx = await b.loginAs('inspector_cx', { at: `/reports/calendar?campaign=${campaign.id}` });
  await cx.getByTestId('draft-self-2026-11-15').click();
  let drawer = cx.getByTestId('submission-drawer');
  await expect.poll(() => status(drawer)).toBe('草稿');
  await drawer.getByLabel('存在问题和分析').fill('问题较少。');
  await expect.poll(() => drawer.getByTestId('count-存在问题和分析').textContent()).toBe('5字 / 不少于800字');
  await drawer.getByLabel('存在问题和分析').fill(PROBLEMS);
  await drawer.getByRole('button', { name: '提交审核' }).click();
  await expect.poll(() => status(drawer)).toBe('待审核');
  await drawer.locator('input[type=file]').setInputFiles({ name: '自查报告盖章件.png', mimeType: 'image/png', buffer: PNG });
  await drawer.getByRole('button', { name: /上\s*传/ }).click();
  await drawer.getByRole('link', { name: '自查报告盖章件.png' }).waitFor();

  const approveAs = async (username: string, next: string) => {
    const page = await b.loginAs(username);
    const d = await openFrom(page, 'approve');
    await d.getByRole('button', { name: '审核通过' }).click();
    await expect.poll(() => status(d)).toBe(next);
    await page.context().close();
  };
  await approveAs('head_cx', '待领导审核');
  await approveAs('leader', '已上报');

  // The upper level returns it once, with a reason.
  drawer = await openFrom(office, 'receive');
  await drawer.getByRole('button', { name: /退\s*回/ }).click();
  await drawer.getByLabel('退回原因').fill('请补充下一步措施');
  await drawer.getByRole('button', { name: '确认退回' }).click();
  await expect.poll(() => status(drawer)).toBe('已退回');

  // The liaison sees why, fixes it and submits it again through both approvals.
  drawer = await openFrom(cx, 'mine');
  await expect.poll(() => drawer.getByTestId('return-reason').textContent()).toContain('请补充下一步措施');
  await drawer.getByLabel('下一步措施').fill('开展处方药销售专项检查，督促整改到位。');
  await drawer.getByRole('button', { name: '提交审核' }).click();
  await expect.poll(() => status(drawer)).toBe('待审核');
  await approveAs('head_cx', '待领导审核');
  await approveAs('leader', '已上报');

  drawer = await openFrom(office, 'receive');
  await drawer.getByRole('button', { name: /受\s*理/ }).click();
  await expect.poll(() => status(drawer)).toBe('已受理');
  await expect(drawer.getByRole('button', { name: '提交审核' }).count()).resolves.toBe(0);

  const [download] = await Promise.all([office.waitForEvent('download'), drawer.getByRole('button', { name: '下载 Word' }).click()]);
  const xml = new PizZip(readFileSync((await download.path())!)).file('word/document.xml')!.asText();
  expect(xml).toContain(STATION);
  expect(xml).toContain('个别零售药店未按规定凭处方销售处方药');
  expect(xml).toContain('开展处方药销售专项检查');
}, 600_000);

it('a 问题清单 starts from the period’s common risks; on a phone the liaison corrects one, removes one, adds one and sends it up', async () => {
  const office = await b.loginAs('office');
  const head = await b.loginAs('head_cx');
  for (const title of ['处方药未凭处方销售', '中药饮片以次充好']) {
    const risk = await post(head, '/api/common-risks', { title, category: 'drug', controlMeasure: '约谈并责令整改' });
    expect(risk.id, JSON.stringify(risk)).toBeGreaterThan(0);
  }
  const campaign = await post(office, '/api/campaigns', { definition: freeRowsPlan(), status: 'active' });
  expect(campaign.id, JSON.stringify(campaign)).toBeGreaterThan(0);

  const phone = await b.loginAs('inspector_cx', { mobile: true, at: `/reports/calendar?campaign=${campaign.id}` });
  await phone.getByTestId('draft-list-2027-01-10').click();
  const drawer = phone.getByTestId('submission-drawer');
  await expect.poll(() => status(drawer)).toBe('草稿');
  const rows = drawer.getByTestId('free-row');
  // The station's common risks of the period (the demo data's too), oldest first.
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
  const risks = () =>
    drawer.locator('textarea[aria-label$="发现的共性风险隐患"]').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
  const before = await risks();
  const keep = before.indexOf('处方药未凭处方销售') + 1;
  expect(keep).toBeGreaterThan(0);
  expect(before).toContain('中药饮片以次充好');

  await drawer.getByLabel(`第${keep}条管控措施`).fill('约谈并责令整改，已复查');
  await drawer.getByLabel(`第${keep}条是否排除隐患`).click();
  await rows
    .nth(before.indexOf('中药饮片以次充好'))
    .getByRole('button', { name: /删\s*除/ })
    .click();
  await drawer.getByRole('button', { name: /添加一条/ }).click();
  const added = before.length; // one removed, one added: the new one is last
  await drawer.getByLabel(`第${added}条发现的共性风险隐患`).fill('医疗器械经营场所与许可不符');
  await drawer.getByLabel(`第${added}条管控措施`).fill('责令限期整改');
  await drawer.getByLabel(`第${added}条涉及单位数`).fill('2');
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await drawer.getByRole('button', { name: /保存草稿/ }).click();
  await phone.getByText('已保存').waitFor();
  await drawer.getByRole('button', { name: '提交审核' }).click();
  await expect.poll(() => status(drawer)).toBe('已上报');
  // Sent up and frozen: the rows as written, read-only.
  await expect.poll(() => drawer.getByTestId('free-rows').textContent()).toContain('医疗器械经营场所与许可不符');
  const text = (await drawer.getByTestId('free-rows').textContent()) ?? '';
  expect(text).toContain('约谈并责令整改，已复查');
  expect(text).not.toContain('中药饮片以次充好');
  await expect(drawer.getByRole('button', { name: /添加一条/ }).count()).resolves.toBe(0);
}, 300_000);
