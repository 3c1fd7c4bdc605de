import type { Ctx } from '../../../core/context.js';
import { tableWorkbook } from '../../../core/xlsx.js';
import { weeklySummary } from './weekly-summary.js';

/** 每周报送 as an Excel file: one row per unit, the total last; column headers carry their unit. */
export async function exportWeekly(ctx: Ctx, q: { date?: string; jurisdictionId?: number }): Promise<{ file: Buffer; name: string }> {
  const s = await weeklySummary(ctx, q);
  const file = await tableWorkbook(
    '每周报送',
    [{ header: '单位', width: 26 }, ...s.columns.map((c) => ({ header: `${c.label}（${c.unit}）`, width: 16 }))],
    [
      ...s.rows.map((r) => [r.name, ...s.columns.map((c) => r.values[c.key] ?? 0)]),
      ['合计', ...s.columns.map((c) => s.total[c.key] ?? 0)],
      [`统计期间：${s.from} 至 ${s.to}`],
    ],
  );
  return { file, name: `每周报送-${s.areaName}-${s.from}.xlsx` };
}
