import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../../test/browser.js';

/**
 * The risk layer across modules, through the UI as the demo roles who may take each step (issue 13,
 * "Done when"): an inspection finding becomes a risk (转为风险, the inspector); the station head groups
 * it with another risk into a 共性风险 and discusses it in a 风险会商; the owner applies for closure
 * with evidence; the station head (not the owner, holding risks.verify) verifies it (销号). Then an
 * 不合格 sampling result opens a risk and a clue, each reachable from the record's 核查处置. Along the
 * way: a finding picked straight into the common risk, the meeting corrected with a reason, and a
 * unit named on a sampling plan line.
 */
let b: BrowserApp;
beforeAll(async () => {
  b = await startBrowserApp();
}, 600_000);
afterAll(() => b?.close());

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const FINDING = '阴凉区温湿度超标且未采取调控措施';
const FINDING2 = '温湿度监测记录不完整';
const COMMON = '部分药店阴凉区温湿度管理不到位';
const TOPIC = '研究阴凉区温湿度管理问题的管控措施';

async function rows<T>(q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await b.database.db.execute(q)) as unknown as { rows: T[] }).rows;
}
const width = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth);
/** Confirm the open modal with the given title. */
async function ok(p: Page, title: string) {
  await p
    .locator('.ant-modal')
    .filter({ hasText: title })
    .getByRole('button', { name: /确\s*定|保\s*存|登\s*记/ })
    .click();
}

it('finding → risk → 共性风险 → 风险会商 → closure by the owner with evidence → 销号 by another; 不合格 → risk and clue', async () => {
  // A signed inspection of a 创新所 pharmacy with one finding (recording one on site is field-inspection's test).
  const [unit] = await rows<{ id: number; jurisdiction_id: number; name: string }>(
    sql`select e.id, e.jurisdiction_id, e.name from entities e join users u on u.jurisdiction_id = e.jurisdiction_id
        where u.username = 'inspector_cx' and e.kind = 'pharmacy_single' order by e.id limit 1`,
  );
  const [inspector] = await rows<{ id: number }>(sql`select id from users where username = 'inspector_cx'`);
  const [inspection] = await rows<{ id: number }>(
    sql`insert into inspections (entity_id, jurisdiction_id, date, status, kind, inspector_ids, recorded_by, recorded_at, note)
        values (${unit.id}, ${unit.jurisdiction_id}, current_date - 3, 'done', 'special', array[${inspector.id}]::int[], ${inspector.id}, now(), '专项检查')
        returning id`,
  );
  await b.database.db.execute(
    sql`insert into inspection_findings (inspection_id, jurisdiction_id, severity, description)
        values (${inspection.id}, ${unit.jurisdiction_id}, 'serious', ${FINDING}),
               (${inspection.id}, ${unit.jurisdiction_id}, 'general', ${FINDING2})`,
  );

  // 1. The inspector turns the finding into a risk, owned by themself, on a phone.
  const phone = await b.loginAs('inspector_cx', { mobile: true, at: `/inspections/${inspection.id}` });
  const finding = phone.getByTestId('finding-view').filter({ hasText: FINDING });
  await finding.getByTestId('finding-to-risk').click();
  const toRisk = phone.locator('.ant-modal').filter({ hasText: '转为风险隐患' });
  await toRisk.getByLabel('管控措施').fill('责令立即调控温湿度，一周内复查');
  await toRisk.getByRole('button', { name: /登\s*记/ }).click();
  await finding.getByTestId('finding-risk-link').click();
  const drawer = phone.getByTestId('risk-drawer');
  await drawer.getByText(`检查发现：${FINDING}`, { exact: false }).waitFor();
  await expect.poll(() => drawer.getByTestId('risk-status').textContent()).toBe('待管控');
  const [risk] = await rows<{ id: number }>(sql`select id from risks where title = ${FINDING}`);
  expect(await width(phone)).toBeLessThanOrEqual(390);

  // 2. The station head groups it with another risk of the station into a common risk.
  const desk = await b.loginAs('head_cx', { at: '/common-risks' });
  await desk.getByTestId('common-risk-new').click();
  const group = desk.locator('.ant-modal').filter({ hasText: '归并共性风险隐患' });
  await group.getByLabel('发现的共性风险隐患').fill(COMMON);
  const pickRisk = async (text: string) => {
    await group.getByLabel('归并的风险隐患').click();
    await desk.keyboard.type(text);
    await desk.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
    await desk.keyboard.press('Escape');
  };
  await pickRisk(FINDING);
  await pickRisk('处方药未凭处方销售');
  // A finding that was never made a risk is grouped too (归并的检查问题: searched on the server).
  await group.getByLabel('归并的检查问题').click();
  await desk.keyboard.type('监测记录');
  await desk.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: FINDING2 }).first().click();
  await desk.keyboard.press('Escape');
  await group.getByLabel('分析研判').fill('夏季高温，多家药店阴凉区无调控设备');
  await group.getByLabel('管控措施').fill('辖区药店逐家排查阴凉区设备，纳入日常检查重点');
  await ok(desk, '归并共性风险隐患');
  const commonCard = desk.getByTestId('common-risk-card').filter({ hasText: COMMON });
  await commonCard.getByText(`${FINDING}（待管控）`).waitFor();
  await commonCard.getByText('处方药未凭处方销售', { exact: false }).waitFor();
  await commonCard.getByTestId('common-risk-findings').getByText(FINDING2).waitFor();
  expect(await commonCard.textContent()).toContain('涉及 2 家单位');

  // 3. A 风险会商 of the station discusses the risk and names who follows it up.
  await desk.goto(`${b.url}/consultations`);
  await desk.getByTestId('consultation-new').click();
  const meeting = desk.locator('.ant-modal').filter({ hasText: '记录会商' });
  await meeting.getByLabel('主持人').fill('创新所所长');
  await meeting.getByLabel('会商事项1').fill(TOPIC);
  await meeting.getByLabel('关联风险隐患1').click();
  await desk.keyboard.type(FINDING);
  await desk.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: FINDING }).first().click();
  await desk.keyboard.press('Escape');
  await meeting.getByLabel('会商意见1').fill('限期整改');
  await ok(desk, '记录会商');
  const meetingCard = desk.getByTestId('consultation-card').filter({ hasText: TOPIC });
  await meetingCard.getByText(`[风险隐患：${FINDING}]`).waitFor();
  await meetingCard.getByText('会商意见：限期整改').waitFor();
  // Corrected after the meeting: with a reason, against the version loaded.
  await meetingCard.getByTestId('consultation-edit').click();
  const correct = desk.locator('.ant-modal').filter({ hasText: '修改会商记录' });
  await expect.poll(() => correct.getByLabel('会商事项1').inputValue()).toBe(TOPIC);
  await correct.getByLabel('会商意见1').fill('限期整改，逐店复查后销号');
  await ok(desk, '修改会商记录');
  await correct.getByText('请填写修改原因').waitFor();
  await correct.getByLabel('修改原因').fill('补记会商意见');
  await ok(desk, '修改会商记录');
  await meetingCard.getByText('会商意见：限期整改，逐店复查后销号').waitFor();
  await meetingCard.getByText(`[风险隐患：${FINDING}]`).waitFor();

  // 4. The owner carries out the control, attaches evidence and applies for closure.
  await phone.goto(`${b.url}/risks?id=${risk.id}`);
  await drawer.getByTestId('risk-action-control').click();
  await ok(phone, '落实管控');
  await expect.poll(() => drawer.getByTestId('risk-status').textContent()).toBe('管控中');
  await drawer.locator('input[type=file]').setInputFiles({ name: '温湿度记录.png', mimeType: 'image/png', buffer: PNG });
  await drawer.getByRole('button', { name: '上传证明材料' }).click();
  await drawer.getByTestId('risk-evidence').filter({ hasText: '温湿度记录.png' }).waitFor();
  await drawer.getByTestId('risk-action-request_closure').click();
  const apply = phone.locator('.ant-modal').filter({ hasText: '申请销号' });
  await apply.getByLabel('说明').fill('已加装空调，温湿度记录连续一周合格');
  await apply.getByRole('button', { name: /确\s*定/ }).click();
  await expect.poll(() => drawer.getByTestId('risk-status').textContent()).toBe('申请销号');
  await expect(drawer.getByTestId('risk-action-close').count()).resolves.toBe(0);
  // The common risk and the consultation show on the risk.
  await drawer.getByText(`共性风险：${COMMON}`, { exact: false }).waitFor();
  await drawer.getByText(`${TOPIC}——限期整改，逐店复查后销号`, { exact: false }).waitFor();

  // 5. The station head verifies the closure (销号).
  await desk.goto(`${b.url}/risks?id=${risk.id}`);
  const d2 = desk.getByTestId('risk-drawer');
  await d2.getByText('已加装空调，温湿度记录连续一周合格').waitFor();
  await d2.getByTestId('risk-action-close').click();
  await ok(desk, '验收销号');
  await expect.poll(() => d2.getByTestId('risk-status').textContent()).toBe('已销号');
  await desk.goto(`${b.url}/common-risks`);
  await desk.getByTestId('common-risk-card').filter({ hasText: COMMON }).getByText(`${FINDING}（已销号）`).waitFor();

  // 6. An 不合格 result for a sample at the lab opens a risk and a clue.
  await phone.goto(`${b.url}/sampling/records`);
  await phone.getByText('阿莫西林胶囊', { exact: false }).first().click();
  await phone.waitForURL(/\/sampling\/records\/\d+$/);
  await phone.getByRole('button', { name: '录入检验结果' }).click();
  const result = phone.locator('.ant-modal').filter({ hasText: '检验报告编号' });
  await result
    .locator('label.ant-radio-button-wrapper')
    .filter({ hasText: /^不合格$/ })
    .click();
  await result.getByRole('button', { name: /添加不合格项目/ }).click();
  await result.getByPlaceholder('如：含量测定').fill('溶出度');
  await result.getByPlaceholder('如：《中国药典》2020年版一部').fill('《中国药典》2020年版二部');
  await result.getByLabel('检验报告编号').fill('SJ2026-0188');
  await result.getByRole('button', { name: /确\s*定/ }).click();
  const followUp = phone.getByTestId('follow-up');
  await followUp.getByText('已生成线索').waitFor();
  await followUp.getByText('已生成风险').click();
  await phone.waitForURL(/\/risks\?id=\d+/);
  const sampled = phone.getByTestId('risk-drawer');
  await sampled.getByText('溶出度（标准：《中国药典》2020年版二部）', { exact: false }).waitFor();
  await expect.poll(() => sampled.getByTestId('risk-status').textContent()).toBe('待管控');
  expect(await width(phone)).toBeLessThanOrEqual(390);
  await phone.goBack();
  await phone.getByTestId('follow-up').getByText('已生成线索').click();
  await phone.waitForURL(/\/clues\?id=\d+/);
  await phone.getByText('阿莫西林胶囊', { exact: false }).first().waitFor();
  expect(await width(phone)).toBeLessThanOrEqual(390);

  // 7. The department names a unit to sample at on a plan line (unit picker).
  const dept = await b.loginAs('dept', { at: '/sampling/plans' });
  await dept
    .getByRole('button', { name: /修\s*改/ })
    .first()
    .click();
  const plan = dept.locator('.ant-modal').filter({ hasText: '修改抽检计划' });
  await plan.locator('.ant-select', { hasText: '抽样单位（可选）：搜索单位名称后选择' }).first().locator('input').click();
  await dept.keyboard.type(unit.name);
  await dept.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: unit.name }).first().click();
  await plan.getByTestId('plan-units').first().getByText(unit.name).waitFor();
  await ok(dept, '修改抽检计划');
  await plan.waitFor({ state: 'hidden' });
  await dept
    .getByText(new RegExp(`抽样单位：.*${unit.name}`))
    .first()
    .waitFor();
}, 300_000);
