import { adrReportInput, type AdrReportInput } from '../../../../contracts/adr.js';
import type { Ctx } from '../../../core/context.js';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { rows } from '../../../core/sql.js';
import { sql } from 'drizzle-orm';
import { detectClusters } from '../clusters.js';
import { presentReports } from '../presenter.js';
import { assertPast, matchEntity, reportPlace } from '../queries.js';
import { insertReports, type PreparedReport } from '../report-rows.js';

/**
 * Register one report from the form: its place (given, else the matched unit's, else the caller's),
 * the matched unit, the deadline, its audit row and the cluster check — one transaction, so an
 * alert it completes exists when the answer arrives. A report code already registered → 409.
 */
export async function createReport(ctx: Ctx, body: AdrReportInput) {
  const input = adrReportInput.parse(body);
  assertPast(input);
  const area = await reportPlace(ctx.db, ctx.actor, input.jurisdictionId ?? null);
  return ctx.db.transaction(async (tx) => {
    const [dup] = await rows<{ id: number }>(tx, sql`select id from adr_reports where report_code = ${input.reportCode}`);
    if (dup) throw new AppError('ADR_REPORT_EXISTS', `报告编码 ${input.reportCode} 已登记，不能重复登记`, 409);
    const entity = await matchEntity(tx, area.path, input);
    const place = input.jurisdictionId == null && entity ? await reportPlace(tx, ctx.actor, entity.jurisdictionId) : area;
    const prepared: PreparedReport = { input, place, entityId: entity?.id ?? null };
    const [id] = await insertReports(tx, [prepared], { createdBy: ctx.actor.id || null });
    const [report] = await presentReports(tx, [id]);
    await audit(tx, ctx, {
      action: 'adr_report.create',
      entityType: 'adr_report',
      entityId: id,
      jurisdictionId: place.jurisdictionId,
      summary: `登记不良反应报告 ${input.reportCode}：${report.drugs[0].genericName}，${report.reactions.join('、')}${report.late ? '（迟报）' : ''}`,
      after: report,
    });
    const alertsOpened = await detectClusters(tx, ctx, [id]);
    return { report, alertsOpened };
  });
}
