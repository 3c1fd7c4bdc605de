import { sql } from 'drizzle-orm';
import { CREDIT_GRADES, kindLabel, type CreditRuleDefinition, type ListCreditUnitsQuery } from '../../../../contracts/credit.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { tableWorkbook } from '../../../core/xlsx.js';
import { creditUnitsWhere, UNIT_ORDER, unitSelect } from '../list-query.js';
import { breakdownOf, currentRule, indicatorsOf, ruleAt } from '../rules.js';
import type { UnitListRow } from './list-credit-units.js';

const MAX_ROWS = 250_000;

/** 信用分级名单 as Excel: the filtered list with each indicator's count and points deducted. */
export async function exportCreditUnits(ctx: Ctx, q: Omit<ListCreditUnitsQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const rule = await currentRule(ctx.db);
  const labels = indicatorsOf(ctx.ext);
  const list = await rows<UnitListRow>(
    ctx.db,
    sql`${unitSelect(rule.version)} where ${creditUnitsWhere(ctx.actor, rule, q)} ${UNIT_ORDER} limit ${MAX_ROWS}`,
  );
  const items = rule.definition.items;
  // The rule versions the listed scores were computed with (few), for their breakdowns.
  const rules = new Map<number, CreditRuleDefinition>();
  for (const v of new Set(list.map((r) => r.rule_version).filter((v): v is number => v != null))) rules.set(v, await ruleAt(ctx.db, v));
  const columns = [
    { header: '单位名称', width: 36 },
    { header: '类别', width: 18 },
    { header: '所属辖区', width: 16 },
    { header: '信用等级', width: 16 },
    { header: '评定等级', width: 10 },
    { header: '得分', width: 8 },
    { header: '人工调整', width: 10 },
    ...items.flatMap((i) => {
      const label = labels.get(i.indicator)?.label ?? i.indicator;
      return [
        { header: `${label}（${labels.get(i.indicator)?.unit ?? '次'}）`, width: 14 },
        { header: `${label}扣分`, width: 12 },
      ];
    }),
    { header: '评定时间', width: 20 },
  ];
  const grade = (g: string | null) => (g ? ((CREDIT_GRADES as Record<string, string>)[g] ?? g) : '未评定');
  return tableWorkbook(
    '信用分级',
    columns,
    list.map((r) => {
      const def = r.rule_version == null ? null : rules.get(r.rule_version);
      const b = new Map(def ? breakdownOf(def, r.counts ?? [], ctx.ext).map((x) => [x.indicator, x]) : []);
      return [
        r.name,
        kindLabel(r.kind),
        r.station_name ?? '',
        grade(r.credit_grade),
        r.computed_grade ?? '',
        r.score == null ? '' : Number(r.score),
        r.overridden ? '是' : '',
        ...items.flatMap((i) => [b.get(i.indicator)?.count ?? 0, b.get(i.indicator)?.points ?? 0]),
        r.computed_at ? new Date(r.computed_at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '',
      ];
    }),
  );
}
