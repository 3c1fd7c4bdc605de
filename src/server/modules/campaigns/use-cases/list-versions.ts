import { asc, eq } from 'drizzle-orm';
import type { CampaignDefinition } from '../../../../contracts/campaigns.js';
import { campaignVersions } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { getCampaignRow } from '../queries.js';

const SECTION_LABELS: Record<string, string> = {
  name: '名称',
  docNo: '文号',
  issuer: '发文单位',
  issuedOn: '印发日期',
  basis: '依据',
  summary: '概述',
  period: '行动期间',
  phases: '阶段',
  subActions: '子行动',
  focus: '重点',
  quotas: '检查指标',
  tables: '统计表',
  obligations: '报送任务',
  checklists: '检查清单',
  violationTypes: '违法违规类型',
  organisation: '组织机构',
  tasks: '任务分工',
  staffing: '基层队伍配备',
  liaisons: '联络员',
  events: '重要活动',
  provenance: '来源标注（原文/推定/本局确定）',
  readings: '两种理解的采用',
};

/** What changed between two versions, in words: sections changed, and phase dates moved. */
export function diffSummary(prev: CampaignDefinition | undefined, next: CampaignDefinition): string[] {
  if (!prev) return ['初始版本'];
  const out: string[] = [];
  for (const k of Object.keys(SECTION_LABELS)) {
    const a = JSON.stringify((prev as any)[k] ?? null);
    const b = JSON.stringify((next as any)[k] ?? null);
    if (a === b) continue;
    if (k === 'phases') {
      const before = new Map(prev.phases.map((p) => [p.key, p]));
      for (const p of next.phases) {
        const o = before.get(p.key);
        if (!o) out.push(`新增阶段“${p.name}”`);
        else if (o.from !== p.from || o.to !== p.to) out.push(`阶段“${p.name}”：${o.from}~${o.to} → ${p.from}~${p.to}`);
        else if (o.name !== p.name) out.push(`阶段“${o.name}”更名为“${p.name}”`);
        before.delete(p.key);
      }
      for (const o of before.values()) out.push(`删除阶段“${o.name}”`);
      continue;
    }
    const arr = (x: unknown) => (Array.isArray(x) ? x.length : null);
    const na = arr((prev as any)[k]);
    const nb = arr((next as any)[k]);
    out.push(na != null && nb != null && na !== nb ? `${SECTION_LABELS[k]}：${na} → ${nb} 项` : `修改${SECTION_LABELS[k]}`);
  }
  return out.length ? out : ['无内容变化'];
}

export async function listVersions(ctx: Ctx, id: number) {
  await getCampaignRow(ctx.db, ctx.actor, id);
  const rows = await ctx.db
    .select()
    .from(campaignVersions)
    .where(eq(campaignVersions.campaignId, id))
    .orderBy(asc(campaignVersions.version));
  return rows
    .map((r, i) => ({
      version: r.version,
      authorName: r.authorName,
      note: r.note,
      createdAt: r.createdAt.toISOString(),
      changes: diffSummary(rows[i - 1]?.definition as CampaignDefinition | undefined, r.definition as CampaignDefinition),
    }))
    .reverse();
}

export async function getVersion(ctx: Ctx, id: number, version: number) {
  await getCampaignRow(ctx.db, ctx.actor, id);
  const rows = await ctx.db.select().from(campaignVersions).where(eq(campaignVersions.campaignId, id));
  const v = rows.find((r) => r.version === version);
  return v
    ? { version: v.version, note: v.note, authorName: v.authorName, createdAt: v.createdAt.toISOString(), definition: v.definition }
    : null;
}
