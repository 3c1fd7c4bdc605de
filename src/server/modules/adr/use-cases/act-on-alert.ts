import { sql } from 'drizzle-orm';
import { ALERT_ACTIONS, CLUSTER_KEY_KINDS, type AlertAction, type AlertStatus, type ClusterKeyKind } from '../../../../contracts/adr.js';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { Ctx } from '../../../core/context.js';
import { staleVersion } from '../../../core/versions.js';
import { rows } from '../../../core/sql.js';
import { openClue } from '../../clues/public.js';
import { openRisk } from '../../risks/public.js';
import { loadAlert, presentAlert } from '../presenter.js';
import { visibleAlert } from '../queries.js';
import { alertWorkflow } from '../workflow.js';

/** What each action leaves the alert in when it was already taken (one click, idempotent). */
const DONE: Partial<Record<AlertAction, AlertStatus>> = { to_risk: 'risk', to_clue: 'clue' };

/**
 * Take an action on a cluster alert (core/workflow.ts table in workflow.ts): 研判 with a note, 排除
 * with a reason, or turn it into a risk (risks/public.ts openRisk, channel 不良反应监测) or a clue
 * (clues/public.ts openClue, source 不良反应监测) in the same transaction. Repeating 转为风险/转为线索
 * on an alert already turned answers the alert as it is, writing nothing.
 */
export async function actOnAlert(ctx: Ctx, id: number, body: { action: AlertAction; note?: string; version: number }) {
  await visibleAlert(ctx.db, ctx.actor, id);
  const current = await loadAlert(ctx.db, id);
  if (current && DONE[body.action] === current.status) return presentAlert(current, ctx.actor);
  const after = await ctx.db.transaction(async (tx) => {
    const [row] = await rows<{ status: AlertStatus; version: number }>(
      tx,
      sql`select status, version from adr_alerts where id = ${id} for update`,
    );
    const a = (await loadAlert(tx, id))!;
    if (row.version !== body.version) throw staleVersion(presentAlert(a, ctx.actor));
    const what = `${CLUSTER_KEY_KINDS[a.key_kind as ClusterKeyKind]} ${a.key_label}`;
    const facts = `${a.county_name}${a.window_start} 至 ${a.window_end} 共 ${a.window_reports} 份报告（预期 ${Number(a.expected)}），本轮累计 ${a.report_count} 份`;
    return alertWorkflow.apply(tx, ctx, {
      action: body.action,
      state: row.status,
      note: body.note,
      change: async (to) => {
        let riskId: number | null = a.risk_id;
        let clueId: number | null = a.clue_id;
        if (body.action === 'to_risk') {
          riskId = (
            await openRisk(tx, ctx, {
              source: { type: 'adr', id },
              channel: 'adr',
              entityIds: [],
              category: a.category === 'device' ? 'device' : 'drug',
              title: `聚集性信号：${a.key_label}`.slice(0, 100),
              description: `${what}：${facts}。${body.note ?? ''}`.slice(0, 2000),
              level: 'general',
              jurisdictionId: a.jurisdiction_id,
            })
          ).id;
        }
        if (body.action === 'to_clue') {
          clueId = (
            await openClue(tx, ctx, {
              source: { type: 'adr', id },
              jurisdictionId: a.jurisdiction_id,
              subjectName: a.key_label.slice(0, 100),
              summary: `聚集性信号：${a.key_label}`,
              description: `${what}：${facts}。${body.note ?? ''}`,
              receivedOn: shanghaiToday(),
            })
          ).id;
        }
        await tx.execute(
          sql`update adr_alerts set status = ${to}, note = coalesce(${body.note?.trim() || null}, note), risk_id = ${riskId}, clue_id = ${clueId},
                version = version + 1, updated_at = now() where id = ${id}`,
        );
        return presentAlert((await loadAlert(tx, id))!, ctx.actor);
      },
      audit: {
        action: `adr_alert.${body.action}`,
        entityType: 'adr_alert',
        entityId: id,
        jurisdictionId: a.jurisdiction_id,
        summary: `${ALERT_ACTIONS[body.action]}聚集性信号：${what}${body.note ? `（${body.note}）` : ''}`,
        before: { status: a.status, note: a.note },
        after: (r) => ({ status: r.status, note: r.note, riskId: r.riskId, clueId: r.clueId }),
      },
    });
  });
  return after;
}
