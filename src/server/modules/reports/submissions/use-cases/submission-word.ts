import { dateOf, shanghaiToday } from '../../../../../contracts/calendar.js';
import { describeRule } from '../../../../../contracts/campaigns.js';
import type { TableResult } from '../../../../../contracts/reports.js';
import type { SubmissionContent } from '../../../../../contracts/submissions.js';
import type { Ctx } from '../../../../core/context.js';
import { renderDocument } from '../../../../core/documents/index.js';
import { sectionsOf } from '../presenter.js';
import { loadSubmission } from '../queries.js';
import { submissionTable } from '../table.js';

function cellText(v: TableResult['rows'][number]['cells'][string]['value']): string {
  if (v == null) return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

/**
 * The report as a Word file (报送报告 template, documents kit): the unit, the obligation, each
 * narrative section as typed (the 基本情况 prefilled from the figures at drafting), and the table
 * submitted (frozen once sent up, live while a draft) as a Word table, one line per cell.
 */
export async function submissionWord(ctx: Ctx, id: number): Promise<{ bytes: Buffer; fileName: string }> {
  const sc = await loadSubmission(ctx, id);
  const content = sc.row.content as SubmissionContent;
  const table = await submissionTable(ctx, sc);
  const unitName = sc.unit?.name ?? '报送单位';
  const title = content.title || sc.obligation.label;
  const bytes = renderDocument('narrativeReport', {
    reportingUnit: unitName,
    recipient: sc.recipient?.name ?? sc.obligation.externalRecipient ?? null,
    campaignName: sc.campaign.name,
    title,
    period: sc.row.dueDate ? `${sc.row.dueDate}（${describeRule(sc.obligation.rule)}）` : '随时报送',
    reportDate: sc.row.firstReportedAt ? dateOf(sc.row.firstReportedAt) : shanghaiToday(),
    sections: sectionsOf(sc.obligation, content).map((s) => ({ title: s.title, text: s.text })),
    table: table && {
      title: table.label,
      period: table.period.label,
      rows: table.rows.flatMap((r) =>
        table.columns.map((c) => ({
          row: r.label,
          column: [...c.groups, c.label].join(' / ') + (c.unit ? `（${c.unit}）` : ''),
          value: cellText(r.cells[c.key]?.value ?? null),
        })),
      ),
    },
  });
  return { bytes, fileName: `${unitName}-${title}${sc.row.dueDate ? `-${sc.row.dueDate}` : ''}.docx` };
}
