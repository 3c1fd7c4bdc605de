import type { CampaignDefinition } from '../../contracts/campaigns.js';
import type { Db } from '../../db/client.js';
import { systemActor } from '../core/context.js';
import { createCampaign, getTemplate, updateLiaison, updateTaskProgress } from '../modules/campaigns/public.js';
import type { DemoOrg } from './seed-org.js';
import { registry } from '../modules/index.js';

/**
 * Demo campaigns for 兴隆台区: seed 000 as issued (2022, now in the past), and a current 演示
 * campaign with seed 004's structure (清源/药剑/强基, 附件1 table, 附件5 tasks, staffing target)
 * moved to 2026–2027 so today falls inside its phases. City-level units of seed 004 are mapped to
 * the district's own (各县（市、区）局 → 各市场监管所, 直属分局 → 执法大队, 药品化妆品监管科 → 药品和医疗器械股).
 */
export async function seedDemoCampaigns(db: Db, org: DemoOrg) {
  const ctx = { db, actor: systemActor(), ext: registry() };
  // The plan gives no period and no phases (方案未定): the office set them when it launched the campaign.
  const def000 = officeSets(getTemplate('seed-000')!.definition, '2022-03-28', {
    period: { from: '2022-03-28', to: '2022-12-31' },
    phases: [{ key: 'zhengzhi', name: '全年专项整治', from: '2022-03-28', to: '2022-12-31' }],
  });
  await createCampaign(ctx, {
    jurisdictionId: org.districtId,
    template: 'seed-000',
    definition: def000,
    status: 'active',
    note: '演示：按方案模板创建，专项办确定行动期间（方案未定）',
  });

  const from004 = officeSets(getTemplate('seed-004')!.definition, '2023-07-20', {
    period: { from: '2023-07-01', to: '2024-11-05' },
    phases: [
      { key: 'stage-1', name: '第一阶段', from: '2023-07-01', to: '2023-11-05', description: '至第一次阶段性工作总结' },
      { key: 'stage-2', name: '第二阶段', from: '2023-11-06', to: '2024-06-05', description: '至第二次阶段性工作总结' },
      { key: 'stage-3', name: '总结阶段', from: '2024-06-06', to: '2024-11-05', description: '至巩固提升行动工作总结' },
    ],
  });
  const text = JSON.stringify(from004)
    .replace(/2023-/g, '2026-')
    .replace(/2024-/g, '2027-')
    .replace(/2023年/g, '2026年')
    .replace(/2024年/g, '2027年')
    .replace(/各县（市、区）局/g, '各市场监管所')
    .replace(/直属分局/g, '执法大队')
    .replace(/药品化妆品监管科/g, '药品和医疗器械股');
  const def = JSON.parse(text);
  def.name = `【演示】${def.name.replace('宜春市', '兴隆台区')}`;
  def.issuer = '兴隆台区市场监督管理局（演示）';
  def.docNo = '演示〔2026〕1号';
  def.organisation.leadingGroup.name = '兴隆台区药品经营使用环节安全巩固提升行动领导小组（演示）';
  const demo = await createCampaign(ctx, {
    jurisdictionId: org.districtId,
    definition: def,
    status: 'active',
    note: '演示：以方案模板 004 的结构创建',
  });

  const cx = org.stations['创新'];
  const xl = org.stations['兴隆'];
  await updateLiaison(ctx, demo.id, cx.orgUnitId, {
    name: '周晓晨',
    department: '创新市场监督管理所',
    title: '副所长',
    officePhone: '0427-0000101',
    mobile: '13900000101',
    email: '',
    version: 0,
  });
  await updateLiaison(ctx, demo.id, xl.orgUnitId, {
    name: '韩雨桐',
    department: '兴隆市场监督管理所',
    title: '监管员',
    officePhone: '0427-0000102',
    mobile: '13900000102',
    email: '',
    version: 0,
  });
  await updateTaskProgress(ctx, demo.id, 1, cx.orgUnitId, {
    status: 'done',
    note: '完成辖区零售药店风险隐患排查，建立台账',
    evidence: [],
    version: 0,
  });
  await updateTaskProgress(ctx, demo.id, 1, xl.orgUnitId, { status: 'doing', note: '已排查过半', evidence: [], version: 0 });
  await updateTaskProgress(ctx, demo.id, 7, cx.orgUnitId, {
    status: 'doing',
    note: '协管员已配齐，信息员配备中',
    evidence: [],
    version: 0,
  });
}

/**
 * The office sets what the plan leaves unset (行动期间, 阶段) when it launches a campaign: the values
 * become the bureau's (kind `bureau`), keeping the plan's reason in `was`, as an amendment would.
 */
function officeSets(
  def: CampaignDefinition,
  at: string,
  set: { period: NonNullable<CampaignDefinition['period']>; phases: CampaignDefinition['phases'] },
): CampaignDefinition {
  const provenance = { ...def.provenance };
  const mark = (path: string, was: string | undefined) =>
    (provenance[path] = { kind: 'bureau', reason: '专项办确定（演示）', by: '专项办', at, was });
  mark('period', def.provenance.period?.reason);
  for (const p of set.phases) mark(`phases.${p.key}`, def.provenance.phases?.reason);
  delete provenance.phases;
  return { ...def, ...set, provenance };
}
