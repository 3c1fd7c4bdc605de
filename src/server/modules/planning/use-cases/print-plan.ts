import { createHash } from 'node:crypto';
import { ENTITY_KIND_LABELS } from '../../../../contracts/entity-kinds.js';
import { html, rawHtml } from '../../../../contracts/html.js';
import { INSPECTION_STATUSES, PLAN_STATUSES } from '../../../../contracts/plans.js';
import type { Ctx } from '../../../core/context.js';
import { getCoverage } from './get-coverage.js';
import { planTasksForOutput } from './export-plan.js';
import { beijingDateTime } from '../../../../contracts/calendar.js';

const kindLabel = (k: string) => (ENTITY_KIND_LABELS as Record<string, string>)[k] ?? k;

/**
 * The print button's only script. The app's Content-Security-Policy allows no inline script, so the
 * print route sends `PRINT_CSP`, which allows exactly this script by its hash and nothing else.
 */
const PRINT_SCRIPT = "document.getElementById('print').addEventListener('click', () => window.print());";
export const PRINT_CSP = `default-src 'none'; script-src 'sha256-${createHash('sha256').update(PRINT_SCRIPT).digest('base64')}'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** A printable HTML view of a plan: per station, its tasks, then its coverage table. */
export async function printPlan(ctx: Ctx, planId: number, stationId?: number): Promise<string> {
  const coverage = await getCoverage(ctx, planId, { stationId });
  const { plan, tasks } = await planTasksForOutput(ctx, planId, stationId);
  const stations = [...new Map(tasks.map((t) => [t.stationId, t.stationName])).entries()];
  const group = <T, K>(xs: T[], key: (x: T) => K) => {
    const m = new Map<K, T[]>();
    for (const x of xs) {
      const k = key(x);
      const l = m.get(k);
      if (l) l.push(x);
      else m.set(k, [x]);
    }
    return m;
  };
  const tasksOf = group(tasks, (t) => t.stationId);
  const rowsOf = group(coverage.rows, (r) => r.stationId);
  const section = ([id, name]: [number, string]) => {
    const mine = tasksOf.get(id) ?? [];
    const cov = rowsOf.get(String(id)) ?? [];
    return html`<section><h2>${name}（${mine.length} 项）</h2>
<table><thead><tr><th>#</th><th>检查对象</th><th>类型</th><th>次</th><th>时段</th><th>对应指标</th><th>检查人员</th><th>状态</th></tr></thead><tbody>
${mine.map(
  (t, i) =>
    html`<tr><td>${i + 1}</td><td>${t.entityName}</td><td>${kindLabel(t.entityKind)}</td><td>${t.visit}</td><td>${t.dueFrom ?? ''}${t.dueFrom || t.dueTo ? '—' : '行动期间'}${t.dueTo ?? ''}</td><td>${t.rules.map((r) => r.label).join('；')}</td><td>${t.inspectors.map((p) => p.name).join('、')}</td><td>${t.status ? INSPECTION_STATUSES[t.status] : '未发布'}</td></tr>\n`,
)}</tbody></table>
<h3>指标完成情况</h3>
<table><thead><tr><th>指标</th><th>应检</th><th>现有</th><th>已检</th><th>尚缺</th></tr></thead><tbody>
${cov.map((r) => html`<tr><td>${r.label}${r.grade ? `（${r.grade}级）` : ''}</td><td>${r.required}</td><td>${r.available}</td><td>${r.done}</td><td>${r.remaining}${r.shortfall ? `（对象不足 ${r.shortfall}）` : ''}</td></tr>\n`)}</tbody></table></section>\n`;
  };
  return html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${plan.plan.name}</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px;border-bottom:2px solid #333}h3{font-size:14px;margin:12px 0 6px}
.meta{color:#555;font-size:12px;margin-bottom:12px}
table{border-collapse:collapse;width:100%;font-size:12px}th,td{border:1px solid #999;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f0f0f0}section{page-break-after:always}section:last-child{page-break-after:auto}
@media print{body{margin:0}.noprint{display:none}}
</style></head><body>
<button class="noprint" id="print">打印</button>
<h1>${plan.plan.name}</h1>
<div class="meta">专项行动：${plan.campaignName}　状态：${PLAN_STATUSES[plan.plan.status as 'draft' | 'published']}　抽取编号：${plan.plan.seed}　任务：${tasks.length} 项　打印时间：${beijingDateTime()}</div>
${stations.map(section)}
<script>${rawHtml(PRINT_SCRIPT)}</script>
</body></html>`.toString();
}
