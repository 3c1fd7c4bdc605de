import { periodOf, type Period } from '../../../contracts/calendar.js';
import type { CampaignDefinition, StatTable } from '../../../contracts/campaigns.js';
import { AppError } from '../../core/errors.js';

/**
 * The period a table's numbers cover for a given day: the day, week, month, quarter, phase (stage)
 * or the whole campaign containing it; a cumulative table starts at its `cumulativeFrom`. A day
 * outside the campaign's reporting window is refused (PERIOD_OUTSIDE_CAMPAIGN).
 */
export function tablePeriod(def: CampaignDefinition, table: StatTable, day: string): Period & { cumulative: boolean } {
  const window = def.period ? { from: def.period.from, to: def.period.reportingUntil ?? def.period.to } : null;
  if (window && (day < window.from || day > window.to))
    throw new AppError('PERIOD_OUTSIDE_CAMPAIGN', `所选日期不在专项行动期间（${window.from} 至 ${window.to}）内`, 400);
  let p: Period;
  switch (table.period) {
    case 'day':
      p = { kind: 'week', from: day, to: day, label: day };
      break;
    case 'week':
    case 'month':
    case 'quarter':
      p = periodOf(table.period, day);
      break;
    case 'stage': {
      const phase = def.phases.find((f) => f.from <= day && day <= f.to);
      if (!phase) throw new AppError('PERIOD_OUTSIDE_CAMPAIGN', '所选日期不在任何工作阶段内（方案未定阶段时请先由专项办设定）', 400);
      p = { kind: 'week', from: phase.from, to: phase.to, label: phase.name };
      break;
    }
    default: {
      if (!def.period) throw new AppError('PERIOD_UNSET', '方案未定行动期间，请先由专项办设定', 400);
      p = { kind: 'year', from: def.period.from, to: def.period.to, label: '行动期间' };
    }
  }
  if (!table.cumulativeFrom) return { ...p, cumulative: false };
  return { ...p, from: table.cumulativeFrom, label: `${table.cumulativeFrom} 至 ${p.to}（累计）`, cumulative: true };
}
