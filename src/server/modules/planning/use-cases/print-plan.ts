import { ENTITY_KIND_LABELS } from '../../../../contracts/entity-kinds.js';
import { html, rawHtml } from '../../../../contracts/html.js';
import { INSPECTION_STATUSES, PLAN_STATUSES } from '../../../../contracts/plans.js';
import type { Ctx } from '../../../core/context.js';
import { getCoverage } from './get-coverage.js';
import { planTasksForOutput, type OutputCoverageRow, type OutputTask } from './export-plan.js';
import { beijingDateTime } from '../../../../contracts/calendar.js';

const kindLabel = (k: string) => (ENTITY_KIND_LABELS as Record<string, string>)[k] ?? k;

export { PRINT_CSP } from '../../../core/print.js';
import { PRINT_SCRIPT } from '../../../core/print.js';

/** A printable HTML view of a plan: per station, its tasks, then its coverage table. */
export async function printPlan(ctx: Ctx, planId: number, stationId?: number): Promise<string> {
  const coverage = await getCoverage(ctx, planId, { stationId });
  const { plan, tasks } = await planTasksForOutput(ctx, planId, stationId);
  const head = {
    name: plan.plan.name,
    campaignName: plan.campaignName,
    status: PLAN_STATUSES[plan.plan.status as 'draft' | 'published'],
    seed: plan.plan.seed,
  };
  return printHtml(head, tasks, coverage.rows, beijingDateTime());
}

export interface PrintHead {
  name: string;
  campaignName: string;
  status: string;
  seed: number | string;
}

/**
 * The page itself, in one pass over the tasks: each row is one `html` call (which escapes every
 * value) and each table's rows are joined once.
 */
export function printHtml(head: PrintHead, tasks: OutputTask[], coverageRows: OutputCoverageRow[], printedAt: string): string {
  // One pass each: tasks by station (in their order: by station, then unit), coverage rows by station.
  const tasksOf = new Map<number, { name: string; tasks: OutputTask[] }>();
  for (const t of tasks) {
    const g = tasksOf.get(t.stationId);
    if (g) g.tasks.push(t);
    else tasksOf.set(t.stationId, { name: t.stationName, tasks: [t] });
  }
  const rowsOf = new Map<string, OutputCoverageRow[]>();
  for (const r of coverageRows) {
    const key = String(r.stationId);
    const l = rowsOf.get(key);
    if (l) l.push(r);
    else rowsOf.set(key, [r]);
  }
  const sections = [...tasksOf].map(([id, g]) => section(g.name, g.tasks, rowsOf.get(String(id)) ?? []));
  return html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${head.name}</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px;border-bottom:2px solid #333}h3{font-size:14px;margin:12px 0 6px}
.meta{color:#555;font-size:12px;margin-bottom:12px}
table{border-collapse:collapse;width:100%;font-size:12px}th,td{border:1px solid #999;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f0f0f0}section{page-break-after:always}section:last-child{page-break-after:auto}
@media print{body{margin:0}.noprint{display:none}}
</style></head><body>
<button class="noprint" id="print">打印</button>
<h1>${head.name}</h1>
<div class="meta">专项行动：${head.campaignName}　状态：${head.status}　抽取编号：${head.seed}　任务：${tasks.length} 项　打印时间：${printedAt}</div>
${sections}
<script>${rawHtml(PRINT_SCRIPT)}</script>
</body></html>`.toString();
}

const taskRow = (t: OutputTask, n: number) =>
  html`<tr><td>${n}</td><td>${t.entityName}</td><td>${kindLabel(t.entityKind)}</td><td>${t.visit}</td><td>${t.dueFrom || t.dueTo ? `${t.dueFrom ?? ''}—${t.dueTo ?? ''}` : '行动期间'}</td><td>${t.rules.map((r) => r.label).join('；')}</td><td>${t.inspectors.map((p) => p.name).join('、')}</td><td>${t.status ? INSPECTION_STATUSES[t.status] : '未发布'}</td></tr>\n`;

const coverageRow = (r: OutputCoverageRow) =>
  html`<tr><td>${r.grade ? `${r.label}（${r.grade}级）` : r.label}</td><td>${r.required}</td><td>${r.available}</td><td>${r.done}</td><td>${r.shortfall ? `${r.remaining}（对象不足 ${r.shortfall}）` : r.remaining}</td></tr>\n`;

function section(name: string, mine: OutputTask[], cov: OutputCoverageRow[]) {
  return html`<section><h2>${name}（${mine.length} 项）</h2>
<table><thead><tr><th>#</th><th>检查对象</th><th>类型</th><th>次</th><th>时段</th><th>对应指标</th><th>检查人员</th><th>状态</th></tr></thead><tbody>
${mine.map((t, k) => taskRow(t, k + 1))}</tbody></table>
<h3>指标完成情况</h3>
<table><thead><tr><th>指标</th><th>应检</th><th>现有</th><th>已检</th><th>尚缺</th></tr></thead><tbody>
${cov.map(coverageRow)}</tbody></table></section>\n`;
}
