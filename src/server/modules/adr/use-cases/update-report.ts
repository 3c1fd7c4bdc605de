import { adrReportInput, type AdrReportInput } from '../../../../contracts/adr.js';
import type { Ctx } from '../../../core/context.js';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { staleVersion } from '../../../core/versions.js';
import { rows } from '../../../core/sql.js';
import { sql } from 'drizzle-orm';
import { detectClusters } from '../clusters.js';
import { presentReports } from '../presenter.js';
import { assertPast, matchEntity, reportPlace, visibleReport } from '../queries.js';
import { replaceReports } from '../report-rows.js';

/** Correct a report (same checks as entry), against the version read; the cluster check runs again. */
export async function updateReport(ctx: Ctx, id: number, body: AdrReportInput & { version: number }) {
  const input = adrReportInput.parse(body);
  assertPast(input);
  await visibleReport(ctx.db, ctx.actor, id);
  const area = await reportPlace(ctx.db, ctx.actor, input.jurisdictionId ?? null);
  return ctx.db.transaction(async (tx) => {
    const [row] = await rows<{ version: number }>(tx, sql`select version from adr_reports where id = ${id} for update`);
    const [before] = await presentReports(tx, [id]);
    if (!row || row.version !== body.version) throw staleVersion(before);
    const [dup] = await rows<{ id: number }>(tx, sql`select id from adr_reports where report_code = ${input.reportCode} and id <> ${id}`);
    if (dup) throw new AppError('ADR_REPORT_EXISTS', `报告编码 ${input.reportCode} 已登记，不能重复登记`, 409);
    const entity = await matchEntity(tx, area.path, input);
    const place = input.jurisdictionId == null && entity ? await reportPlace(tx, ctx.actor, entity.jurisdictionId) : area;
    await replaceReports(tx, [{ id, p: { input, place, entityId: entity?.id ?? null } }], {});
    const [report] = await presentReports(tx, [id]);
    await audit(tx, ctx, {
      action: 'adr_report.update',
      entityType: 'adr_report',
      entityId: id,
      jurisdictionId: place.jurisdictionId,
      summary: `修改不良反应报告 ${input.reportCode}`,
      before,
      after: report,
    });
    const alertsOpened = await detectClusters(tx, ctx, [id]);
    return { report, alertsOpened };
  });
}
