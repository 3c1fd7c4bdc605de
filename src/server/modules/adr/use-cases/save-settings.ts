import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { adrSettingsInput } from '../../../../contracts/adr.js';
import type { Ctx } from '../../../core/context.js';
import { audit } from '../../../core/audit.js';
import { invalid } from '../../../core/errors.js';
import { pathInScope } from '../../../core/scope.js';
import { rows } from '../../../core/sql.js';
import { staleVersion } from '../../../core/versions.js';
import { settingsFor } from '../queries.js';

/** Set a county's (or a higher area's) targets and cluster thresholds, against the version read (0 = inherited). */
export async function saveSettings(ctx: Ctx, body: z.output<typeof adrSettingsInput>) {
  const [j] = await rows<{ path: string; name: string; level: string }>(
    ctx.db,
    sql`select path, name, level from jurisdictions where id = ${body.jurisdictionId}`,
  );
  if (!j || !pathInScope(ctx.actor, j.path) || !['province', 'city', 'county'].includes(j.level))
    throw invalid('只能设置本辖区（县级及以上）的目标和阈值', [{ path: 'jurisdictionId', message: '请选择本辖区的县（区）或以上' }]);
  return ctx.db.transaction(async (tx) => {
    const before = await settingsFor(tx, body.jurisdictionId);
    if (before.version !== body.version) throw staleVersion(before);
    const v = {
      target: body.targetPerMillion,
      share: body.medicalSharePct,
      min: body.clusterMinReports,
      win: body.clusterWindowDays,
      weeks: body.baselineWeeks,
      factor: body.baselineFactor,
      sn: body.signalMinN ?? before.signalMinN,
      sp: body.signalMinPrr ?? before.signalMinPrr,
      sc: body.signalMinChi2 ?? before.signalMinChi2,
      si: body.signalMinIc025 ?? before.signalMinIc025,
      se: body.signalMinEb05 ?? before.signalMinEb05,
    };
    const [saved] =
      body.version === 0
        ? await rows(
            tx,
            sql`insert into adr_settings (jurisdiction_id, target_per_million, medical_share_pct, cluster_min_reports, cluster_window_days, baseline_weeks, baseline_factor,
                  signal_min_n, signal_min_prr, signal_min_chi2, signal_min_ic025, signal_min_eb05, updated_by)
                values (${body.jurisdictionId}, ${v.target}, ${v.share}, ${v.min}, ${v.win}, ${v.weeks}, ${v.factor},
                  ${v.sn}, ${v.sp}, ${v.sc}, ${v.si}, ${v.se}, ${ctx.actor.id || null}) on conflict do nothing returning version`,
          )
        : await rows(
            tx,
            sql`update adr_settings set target_per_million = ${v.target}, medical_share_pct = ${v.share}, cluster_min_reports = ${v.min},
                  cluster_window_days = ${v.win}, baseline_weeks = ${v.weeks}, baseline_factor = ${v.factor},
                  signal_min_n = ${v.sn}, signal_min_prr = ${v.sp}, signal_min_chi2 = ${v.sc}, signal_min_ic025 = ${v.si}, signal_min_eb05 = ${v.se},
                  updated_by = ${ctx.actor.id || null},
                  updated_at = now(), version = version + 1
                where jurisdiction_id = ${body.jurisdictionId} and version = ${body.version} returning version`,
          );
    if (!saved) throw staleVersion(before);
    const after = await settingsFor(tx, body.jurisdictionId);
    await audit(tx, ctx, {
      action: 'adr_settings.save',
      entityType: 'adr_settings',
      entityId: body.jurisdictionId,
      jurisdictionId: body.jurisdictionId,
      summary: `修改${j.name}不良反应监测目标和阈值`,
      before,
      after,
    });
    return after;
  });
}
