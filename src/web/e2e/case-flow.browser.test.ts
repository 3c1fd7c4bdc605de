import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import PizZip from 'pizzip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../../test/browser.js';

/**
 * The enforcement path through the UI, each step by the demo role that holds it: the 投诉举报中心
 * (dept) accepts a complaint and turns it into a clue and verifies it; the station head (head_cx)
 * files the case from the clue; the bureau leader approves the filing; the station head drafts the
 * penalty and submits it to the 法规股 (dept), which passes it; notice, the leader's decision, the
 * referral to the police (proposed, approved by the leader, sent); the typical case written and its
 * .docx downloaded and read; the unit's file shows the case.
 */
let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
});
afterAll(() => b?.close());

const modal = (page: Page, title: string | RegExp) => page.locator('.ant-modal').filter({ hasText: title });
/** Antd puts a space between two Chinese characters of a button: 立案 → 立 案. */
const spaced = (label: string) => new RegExp(`^${[...label].join('\\s*')}$`);
const caseStatus = (page: Page, label: string) => page.getByTestId('case-status').filter({ hasText: label }).waitFor();

/** Take a case or referral action: its button, then the confirmation's button of the same name. */
async function act(page: Page, label: string, fill?: (m: ReturnType<typeof modal>) => Promise<void>) {
  await page
    .locator('.ant-drawer')
    .getByRole('button', { name: spaced(label) })
    .click();
  const m = modal(page, `确认${label}？`);
  await m.waitFor();
  await fill?.(m);
  await m.getByRole('button', { name: spaced(label) }).click();
  await page.getByText(`已${label}`).first().waitFor();
  await m.waitFor({ state: 'detached' });
}

it('complaint → clue → case → decision → referral to the police → typical case .docx, and the unit’s file shows the case', async () => {
  // 投诉举报中心: accept the complaint, make it a clue, verify it.
  const dept = await b.loginAs('dept', { at: '/complaints' });
  await dept.getByTestId('complaint-item').filter({ hasText: '购买的感冒药已过有效期' }).click();
  await dept.getByTestId('complaint-status').filter({ hasText: '待受理' }).waitFor();
  await dept.getByRole('button', { name: spaced('受理') }).click();
  await modal(dept, '办理日期')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await dept.getByTestId('complaint-status').filter({ hasText: '已受理' }).waitFor();
  await dept.getByRole('button', { name: '转为线索' }).click();
  await dept.getByText(/^线索 \d+/).click();
  await dept.waitForURL(/\/clues\?id=\d+$/);
  const clueUrl = dept.url();
  await dept.getByTestId('clue-status').filter({ hasText: '待核查' }).waitFor();
  await dept.getByRole('button', { name: '开始核查' }).first().click();
  await modal(dept, '确认开始核查').getByRole('button', { name: '开始核查' }).click();
  await dept.getByTestId('clue-status').filter({ hasText: '核查中' }).waitFor();
  await dept.locator('.ant-drawer textarea').first().fill('现场检查：货架上有超过有效期的复方感冒灵颗粒3盒，已售出2盒。');
  await dept.getByRole('button', { name: '保存核查情况' }).click();
  await dept.getByText('核查情况已保存').waitFor();

  // The station head decides: 立案 (普通程序, 销售劣药) — the case waits for the head of the bureau.
  const head = await b.loginAs('head_cx');
  await head.goto(clueUrl);
  await head.getByTestId('clue-status').filter({ hasText: '核查中' }).waitFor();
  await head
    .locator('.ant-drawer')
    .getByRole('button', { name: spaced('立案') })
    .click();
  const fileModal = modal(head, '确认立案？');
  await fileModal.getByLabel('违法类型').click();
  await head.keyboard.type('劣药');
  await head.locator('.ant-select-item-option').filter({ hasText: '销售、使用劣药' }).click();
  await fileModal.getByRole('button', { name: spaced('立案') }).click();
  await head.getByTestId('clue-status').filter({ hasText: '已立案' }).waitFor();
  await head.getByRole('link', { name: '查看案件（待批准立案）' }).click();
  await head.waitForURL(/\/cases\?id=\d+$/);
  const caseUrl = head.url();
  await caseStatus(head, '待批准立案');

  // The bureau leader approves the filing: the case gets its number.
  const leader = await b.loginAs('leader');
  await leader.goto(caseUrl);
  await caseStatus(leader, '待批准立案');
  await act(leader, '批准立案');
  await caseStatus(leader, '调查取证');
  const caseNo = (await leader.getByTestId('case-no').textContent())!;
  expect(caseNo).toMatch(/^兴市监立〔\d{4}〕\d+号$/);

  // The station head drafts the penalty (the range is computed from the article) and submits it for review.
  await head.goto(`${b.url}/cases`);
  await head.getByTestId('procedure-filter').click();
  await head.locator('.ant-select-item-option').filter({ hasText: '普通程序' }).click();
  await head.getByTestId('case-item').filter({ hasText: caseNo }).click();
  await caseStatus(head, '调查取证');
  const party = (await head.locator('.ant-drawer-title').textContent())!.replace(`（${caseNo}）`, '');
  // Filed from the clue, the goods value starts at 0: the officer corrects it (修改案情, with a reason).
  await head.getByRole('button', { name: '修改案情' }).click();
  const factsModal = modal(head, '修改案情');
  await factsModal.getByLabel('货值金额（元）').fill('3000');
  await factsModal.getByLabel('修改理由').fill('核实进货凭证，确认货值金额');
  await factsModal.getByRole('button', { name: spaced('保存') }).click();
  await head.getByText('案情已修改').waitFor();
  await head
    .locator('.ant-drawer')
    .getByText(/^3,000元 \//)
    .waitFor();
  await head.getByRole('button', { name: '拟定处罚内容' }).click();
  const penalty = modal(head, '拟定处罚内容');
  await penalty.getByText('罚款幅度计算').waitFor();
  await penalty.getByText(/^罚款幅度：/).waitFor();
  await penalty.getByText('没收违法生产经营的产品').click();
  await penalty.getByLabel('罚款（元）').fill('100000');
  await penalty.getByRole('button', { name: spaced('保存') }).click();
  await head.getByText('处罚内容已保存').waitFor();
  await head
    .locator('.ant-drawer')
    .getByText(/处罚依据：《药品管理法》第一百一十七条/)
    .waitFor();
  await act(head, '提交法制审核');
  await caseStatus(head, '法制审核');

  // 法规股 passes the legal review.
  await dept.goto(caseUrl);
  await caseStatus(dept, '法制审核');
  await act(dept, '法制审核通过');
  await caseStatus(dept, '审核通过待告知');

  // The officer serves the prior notice; the leader decides.
  await head.goto(caseUrl);
  await act(head, '送达事先告知');
  await caseStatus(head, '已告知待决定');
  await leader.goto(caseUrl);
  await act(leader, '作出处罚决定');
  await caseStatus(leader, '已作出处罚决定');

  // 移送公安: proposed by the officer, approved by the leader, sent by the officer.
  await head.goto(caseUrl);
  await caseStatus(head, '已作出处罚决定');
  await head.getByRole('button', { name: '提请移送公安' }).click();
  const refer = modal(head, '提请移送公安机关');
  await refer.getByLabel('涉嫌犯罪的事实和理由').fill('涉案劣药已售出，货值及后果可能达到刑事追诉标准，涉嫌生产、销售劣药罪。');
  await refer.getByRole('button', { name: spaced('保存') }).click();
  await head.getByText('已提请移送，待负责人3日内审批').waitFor();
  await leader.goto(caseUrl);
  await leader.locator('.ant-drawer').getByText('待负责人审批').waitFor();
  await act(leader, '批准移送');
  await leader.locator('.ant-drawer').getByText('已批准待移送').waitFor();
  await head.goto(caseUrl);
  await act(head, '移送公安机关', (m) => m.getByLabel('公安机关').fill('兴隆台公安分局'));
  await head.locator('.ant-drawer').getByText('已移送待受理').waitFor();

  // The typical case, in the seeds' template, downloaded and read.
  await head.getByRole('button', { name: '编写典型案例' }).click();
  const typical = modal(head, '典型案例');
  await typical.getByLabel('违法行为').fill('当事人在其经营场所销售超过有效期的复方感冒灵颗粒。');
  await typical.getByLabel('调查过程').fill('执法人员接投诉举报后现场检查，调取进销存记录，询问负责人。');
  await typical.getByLabel('产品控制情况').fill('涉案药品已全部下架封存。');
  await typical.getByLabel('查办结果').fill('依法没收涉案药品并处罚款，涉嫌犯罪部分移送公安机关。');
  await typical.getByRole('button', { name: spaced('保存') }).click();
  await head.getByText('典型案例已保存').waitFor();
  const [dl] = await Promise.all([
    head.waitForEvent('download'),
    head
      .locator('.ant-drawer')
      .getByRole('button', { name: /^(download )?典型案例$/ })
      .click(),
  ]);
  expect(dl.suggestedFilename()).toMatch(/^典型案例.*\.docx$/);
  const text = new PizZip(await readFile((await dl.path())!))
    .file('word/document.xml')!
    .asText()
    .replace(/<[^>]+>/g, '');
  expect(text).toContain('一、案情概述');
  expect(text).toContain('涉案药品已全部下架封存');
  expect(text).toContain(party);
  expect(text).toContain(caseNo);
  expect(text).toContain(`附：行政处罚决定书（`);
  expect(text).toContain('行刑衔接：已移送兴隆台公安分局');

  // The unit's file (监管对象档案) shows the case; its entry leads back to the case.
  await head.locator('.ant-drawer').getByRole('link', { name: party }).click();
  await head.waitForURL(/\/entities\/\d+$/);
  const entry = head
    .getByTestId('entity-timeline')
    .locator('.ant-timeline-item')
    .filter({ hasText: `案件 ${caseNo}` });
  await entry.waitFor();
  await entry.getByText(/已提请移送公安机关/).waitFor();
  await entry.getByRole('link').click();
  await head.waitForURL(/\/cases\?id=\d+$/);
  expect(head.url()).toBe(caseUrl);
  await caseStatus(head, '已作出处罚决定');
}, 600_000);

it('on a phone, the case list with its filters and the per-unit overdue table fit the screen', async () => {
  const phone = await b.loginAs('head_cx', { mobile: true, at: '/cases' });
  await phone.getByTestId('case-item').first().waitFor();
  await phone.getByTestId('overdue-units-button').click();
  await modal(phone, '各单位超期情况')
    .getByText(/办案期限：立案之日起90日内/)
    .waitFor();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await modal(phone, '各单位超期情况').getByRole('button', { name: '只看超期案件' }).click();
  await expect.poll(() => phone.getByRole('checkbox', { name: '只看超期' }).isChecked()).toBe(true);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}, 120_000);
