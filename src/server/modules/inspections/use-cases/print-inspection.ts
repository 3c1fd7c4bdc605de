import { sql } from 'drizzle-orm';
import { beijingDateTime } from '../../../../contracts/calendar.js';
import { checklistFor } from '../../../../contracts/checklists/index.js';
import { html, rawHtml } from '../../../../contracts/html.js';
import {
  ANSWER_RESULTS,
  FINDING_SEVERITIES,
  INSPECTION_KINDS,
  INSPECTION_STATUSES,
  MEASURE_KINDS,
} from '../../../../contracts/inspections.js';
import type { Ctx } from '../../../core/context.js';
import { PRINT_SCRIPT } from '../../../core/print.js';
import { rows } from '../../../core/sql.js';
import { currentCampaign } from '../../campaigns/public.js';
import { documentSources } from '../documents.js';
import { presentInspection } from '../presenter.js';
import { visibleInspection } from '../queries.js';

/** The 现场检查笔录 as a printable page (A4, or a phone's share-to-print), with the drawn signatures. */
export async function printInspection(ctx: Ctx, id: number): Promise<string> {
  await visibleInspection(ctx, id);
  const r = await presentInspection(ctx, ctx.db, id);
  const s = await documentSources(ctx, ctx.db, r);
  const [e] = await rows<{ kind: string }>(ctx.db, sql`select kind from entities where id = ${r.entityId}`);
  const def = r.campaignId ? (await currentCampaign(ctx.db, r.campaignId)).definition : null;
  const items = new Map(checklistFor(def, e?.kind ?? '').sections.flatMap((x) => x.items.map((i) => [i.key, i.text] as const)));
  const img = (key: string) => {
    const b = s.signatures.get(key)?.image;
    return b
      ? html`<img class="sig" alt="签名" src="data:image/png;base64,${Buffer.from(b).toString('base64')}">`
      : html`<span class="line"></span>`;
  };
  const unit = r.signatures.find((x) => x.signer === 'unit');
  return html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>现场检查笔录</title>
<style>
body{font-family:"FangSong","STFangsong","Noto Serif CJK SC",serif;margin:16px;color:#111;font-size:15px;line-height:1.7}
h1{text-align:center;font-size:22px;margin:8px 0}.no{text-align:right}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{border:1px solid #555;padding:4px 6px;text-align:left;vertical-align:top}
.sig{height:48px}.line{display:inline-block;width:120px;border-bottom:1px solid #333}
.draft{color:#b00;font-weight:bold}@media print{.noprint{display:none}body{margin:0}}
</style></head><body>
<button class="noprint" id="print">打印</button>
<h1>现场检查笔录</h1>
<div class="no">${r.recordNo ?? '（未编号）'}</div>
${r.status !== 'done' ? html`<p class="draft">状态：${INSPECTION_STATUSES[r.status]}（签名未齐，仅供核对）</p>` : ''}
<p>被检查单位：${s.unit.name}<br>地址：${s.unit.address ?? ''}<br>许可证号：${s.unit.licenceNo ?? ''}　统一社会信用代码：${s.unit.creditCode ?? ''}<br>
检查方式：${INSPECTION_KINDS[r.kind]}${r.jointDepartments.length ? `（会同${r.jointDepartments.join('、')}）` : ''}<br>
检查时间：${r.date} ${r.startedAt ?? ''}${r.endedAt ? `至${r.endedAt}` : ''}　执法机关：${s.bureauName}<br>
检查人员：${s.inspectors.map((i) => `${i.name}${i.badgeNo ? `（执法证号${i.badgeNo}）` : ''}`).join('、')}<br>
现场负责人：${unit ? `${unit.name}` : ''}</p>
<table><thead><tr><th>检查项</th><th>结果</th><th>说明</th></tr></thead><tbody>
${r.answers.map((a) => html`<tr><td>${items.get(a.itemKey) ?? a.itemKey}</td><td>${ANSWER_RESULTS[a.result]}</td><td>${a.note ?? ''}</td></tr>`)}
</tbody></table>
<p><b>发现的问题：</b>${r.findings.length ? '' : '未发现问题'}</p>
<ol>${r.findings.map((f) => html`<li>${f.description}（${FINDING_SEVERITIES[f.severity]}${f.legalBasis ? `；依据：${f.legalBasis}` : ''}）</li>`)}</ol>
<p><b>处置措施：</b>${r.measures.map((m) => `${MEASURE_KINDS[m.kind]}${m.deadline ? `（${m.deadline}前）` : ''}${m.documentNo ? `〔${m.documentNo}〕` : ''}`).join('；') || '无'}</p>
<p>检查人员签名：${s.inspectors.map((i) => html`${i.name} ${img(`u${i.id}`)}　`)}</p>
<p>被检查单位负责人签名：${img('unit')}</p>
<p class="noprint">打印时间：${beijingDateTime(new Date())}</p>
<script>${rawHtml(PRINT_SCRIPT)}</script>
</body></html>`.toString();
}
