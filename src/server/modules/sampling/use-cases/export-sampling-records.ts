import { sql } from 'drizzle-orm';
import { PRODUCT_CATEGORIES, SAMPLING_LEVELS, SAMPLING_STATUSES, type ListSamplingRecordsQuery } from '../../../../contracts/sampling.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { tableWorkbook } from '../../../core/xlsx.js';
import { recordFilter } from '../list-query.js';
import { RECORD_COLUMNS, RECORD_FROM, type RecordRow } from '../presenter.js';
import { peopleNames } from '../queries.js';

export const EXPORT_MAX = 50_000;

/** 抽样记录 with the list's filters as an Excel file, with each record's result and failed items. */
export async function exportSamplingRecords(ctx: Ctx, q: ListSamplingRecordsQuery): Promise<Buffer> {
  const list = await rows<RecordRow & { verdict: string | null; report_no: string | null; failed: string | null }>(
    ctx.db,
    sql`select ${RECORD_COLUMNS}, r.verdict, r.report_no,
          (select string_agg((x->>'item') || '（' || (x->>'standard') || '）', '；') from jsonb_array_elements(r.failed_items) x) as failed
        from ${RECORD_FROM} left join sampling_results r on r.record_id = s.id
        where ${recordFilter(ctx, q)} order by s.sampled_on desc, s.id desc limit ${EXPORT_MAX}`,
  );
  const names = await peopleNames(
    ctx.db,
    list.flatMap((r) => r.sampler_ids),
  );
  return tableWorkbook(
    '抽样记录',
    [
      { header: '抽样单编号', width: 20 },
      { header: '抽样日期', width: 12 },
      { header: '状态', width: 8 },
      { header: '被抽样单位', width: 30 },
      { header: '监管所', width: 14 },
      { header: '产品类别', width: 10 },
      { header: '产品名称', width: 24 },
      { header: '批号', width: 14 },
      { header: '标示生产企业', width: 28 },
      { header: '规格', width: 12 },
      { header: '抽样数量', width: 10 },
      { header: '抽样人员', width: 16 },
      { header: '抽检计划', width: 24 },
      { header: '检验机构', width: 20 },
      { header: '检验结论', width: 8 },
      { header: '检验报告编号', width: 18 },
      { header: '不合格项目（标准依据）', width: 40 },
    ],
    list.map((r) => [
      r.number,
      r.sampled_on,
      SAMPLING_STATUSES[r.status],
      r.entity_name,
      r.station_name,
      PRODUCT_CATEGORIES[r.category],
      r.product_name,
      r.batch_no,
      r.manufacturer,
      r.specification ?? '',
      `${r.quantity}${r.quantity_unit}`,
      r.sampler_ids.map((i) => names.get(i) ?? '').join('、'),
      r.plan_name ? `${r.plan_level ? SAMPLING_LEVELS[r.plan_level] : ''} ${r.plan_name}` : '计划外',
      r.lab_name ?? '',
      r.verdict === 'qualified' ? '合格' : r.verdict === 'unqualified' ? '不合格' : '',
      r.report_no ?? '',
      r.failed ?? '',
    ]),
  );
}
