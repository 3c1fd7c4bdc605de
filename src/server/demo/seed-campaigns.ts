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
  await createCampaign(ctx, { jurisdictionId: org.districtId, template: 'seed-000', status: 'active', note: '演示：按方案模板创建' });

  const text = JSON.stringify(getTemplate('seed-004')!.definition)
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
