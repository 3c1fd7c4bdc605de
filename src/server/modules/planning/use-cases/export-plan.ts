import { sql } from 'drizzle-orm';
import { ENTITY_KIND_LABELS } from '../../../../contracts/entity-kinds.js';
import { DRAW_REASONS, INSPECTION_STATUSES } from '../../../../contracts/plans.js';
import type { QuotaRule } from '../../../../contracts/quota-rules.js';
import type { Ctx } from '../../../core/context.js';
import { scopeWhere } from '../../../core/scope.js';
import { xlsxWriter } from '../../../core/xlsx.js';
import { presentTask } from '../presenter.js';
import { getPlan, peopleNames, rows } from '../queries.js';
import { ruleLabels } from '../rules.js';
import { getCoverage } from './get-coverage.js';
import { taskRowsSql } from './list-plan-tasks.js';

/** All tasks of a plan (or of one station) in the actor's scope, presented (for export and print). */
export async function planTasksForOutput(ctx: Ctx, planId: number, stationId?: number) {
  const p = await getPlan(ctx.db, planId);
  const scope = scopeWhere(ctx.actor, { jurisdiction: sql`t.jurisdiction_id` });
  const where = stationId ? sql`${scope} and t.jurisdiction_id = ${stationId}` : scope;
  const list = await rows(ctx.db, sql`${taskRowsSql(planId, where)} order by j.sort_order, t.jurisdiction_id, e.name, t.visit`);
  const names = await peopleNames(
    ctx.db,
    list.flatMap((r) => r.inspector_ids ?? []),
  );
  const labels = ruleLabels(p.plan.rules as QuotaRule[]);
  return { plan: p, tasks: list.map((r) => presentTask(r, labels, names)) };
}

const kindLabel = (k: string) => (ENTITY_KIND_LABELS as Record<string, string>)[k] ?? k;
const due = (a: string | null, b: string | null) => (a || b ? `${a ?? '开始'} 至 ${b ?? '结束'}` : '行动期间');

/** Plan and coverage as an Excel workbook: one sheet of tasks, one of coverage by rule × station. */
export async function exportPlan(ctx: Ctx, planId: number, stationId?: number): Promise<{ buffer: Buffer; filename: string }> {
  const coverage = await getCoverage(ctx, planId, { stationId });
  const { plan, tasks } = await planTasksForOutput(ctx, planId, stationId);
  return { buffer: await planWorkbook(tasks, coverage.rows), filename: `${plan.plan.name}.xlsx` };
}

export type OutputTask = Awaited<ReturnType<typeof planTasksForOutput>>['tasks'][number];
export type OutputCoverageRow = Awaited<ReturnType<typeof getCoverage>>['rows'][number];

/** The workbook itself (streamed: each row is serialised when added). */
export async function planWorkbook(tasks: OutputTask[], coverageRows: OutputCoverageRow[]): Promise<Buffer> {
  const { wb, done } = xlsxWriter();
  const frozen = { views: [{ state: 'frozen' as const, ySplit: 1 }] };
  const ts = wb.addWorksheet('检查任务', frozen);
  ts.columns = [
    { header: '监管所', key: 'station', width: 22 },
    { header: '检查对象', key: 'unit', width: 32 },
    { header: '类型', key: 'kind', width: 18 },
    { header: '地址', key: 'address', width: 30 },
    { header: '第几次', key: 'visit', width: 8 },
    { header: '检查时段', key: 'due', width: 26 },
    { header: '对应指标', key: 'rules', width: 50 },
    { header: '检查人员', key: 'inspectors', width: 20 },
    { header: '抽取权重因素', key: 'reasons', width: 20 },
    { header: '手工调整', key: 'manual', width: 10 },
    { header: '状态', key: 'status', width: 10 },
    { header: '完成日期', key: 'done', width: 12 },
  ];
  ts.getRow(1).font = { bold: true };
  ts.getRow(1).commit();
  for (const t of tasks) {
    ts.addRow({
      station: t.stationName,
      unit: t.entityName,
      kind: kindLabel(t.entityKind),
      address: t.address ?? '',
      visit: t.visit,
      due: due(t.dueFrom, t.dueTo),
      rules: t.rules.map((r) => r.label).join('；'),
      inspectors: t.inspectors.map((i) => i.name).join('、'),
      reasons: t.reasons.map((r) => (DRAW_REASONS as Record<string, string>)[r] ?? r).join('、'),
      manual: t.manual ? '是' : '',
      status: t.status ? INSPECTION_STATUSES[t.status] : '未发布',
      done: t.doneOn ?? '',
    }).commit();
  }
  ts.commit();
  const cs = wb.addWorksheet('覆盖情况', frozen);
  cs.columns = [
    { header: '指标', key: 'label', width: 50 },
    { header: '监管所', key: 'station', width: 14 },
    { header: '信用等级', key: 'grade', width: 10 },
    { header: '频次', key: 'times', width: 8 },
    { header: '时段', key: 'window', width: 26 },
    { header: '应检（家）', key: 'required', width: 10 },
    { header: '现有（家）', key: 'available', width: 10 },
    { header: '已检（家）', key: 'done', width: 10 },
    { header: '尚缺（家）', key: 'remaining', width: 10 },
    { header: '无法完成（对象不足）', key: 'shortfall', width: 18 },
  ];
  cs.getRow(1).font = { bold: true };
  cs.getRow(1).commit();
  for (const r of coverageRows) {
    cs.addRow({
      label: r.label,
      // A row counted per county or city names it; a campaign-wide row covers everything.
      station: r.stationShortName ?? r.areaName ?? '全部',
      grade: r.grade ?? '',
      times: r.times,
      window: due(r.windowFrom, r.windowTo),
      required: r.required,
      available: r.available,
      done: r.done,
      remaining: r.remaining,
      shortfall: r.shortfall || '',
    }).commit();
  }
  cs.commit();
  return done();
}
