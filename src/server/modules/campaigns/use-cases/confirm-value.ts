import { shanghaiToday } from '../../../../contracts/calendar.js';
import { type CampaignDefinition } from '../../../../contracts/campaigns.js';
import { pathLabel } from '../../../../contracts/definition-labels.js';
import { setAtPath } from '../../../../contracts/definition-paths.js';
import type { Ctx } from '../../../core/context.js';
import { AppError, notFound } from '../../../core/errors.js';
import { assertManagesCampaign } from '../policy.js';
import { getCampaignRow } from '../queries.js';
import { amendCampaign } from './amend-campaign.js';

/**
 * The office confirms an inferred value (待确认 → 本局确定): an amendment (new version, audited) whose
 * only change marks the value bureau-set, keeping the reason it had been inferred.
 */
export async function confirmValue(ctx: Ctx, id: number, input: { path: string; note?: string }) {
  const c = await getCampaignRow(ctx.db, ctx.actor, id);
  assertManagesCampaign(ctx.actor, c.jurisdictionPath);
  const def = c.definition as CampaignDefinition;
  const p = def.provenance?.[input.path];
  if (!p) throw notFound('待确认的值');
  if (p.kind === 'unset') throw new AppError('VALUE_UNSET', '方案未规定该值，不能直接确认：请在“修订”中填写后保存', 400);
  if (p.kind !== 'inferred') throw new AppError('NOT_INFERRED', '该值不是推定值，无需确认', 409);
  const note = input.note?.trim() || '确认推定值';
  const next = setAtPath(def, `provenance`, {
    ...def.provenance,
    [input.path]: { kind: 'bureau', source: p.source, reason: note, by: ctx.actor.name, at: shanghaiToday(), was: p.reason },
  });
  // Derived from the version read here: an amendment in between makes this one STALE_VERSION.
  return amendCampaign(ctx, id, { definition: next, note: `确认推定值 ${pathLabel(def, input.path)}：${p.reason}`, version: c.version });
}

/** Switch an open reading to another option: its values replace the current ones (an amendment). */
export async function chooseReading(ctx: Ctx, id: number, key: string, option: string) {
  const c = await getCampaignRow(ctx.db, ctx.actor, id);
  assertManagesCampaign(ctx.actor, c.jurisdictionPath);
  const def = c.definition as CampaignDefinition;
  const r = def.readings?.find((x) => x.key === key);
  if (!r) throw notFound('理解选项');
  const o = r.options.find((x) => x.key === option);
  if (!o) throw new AppError('VALIDATION', `没有选项“${option}”`, 400);
  if (r.chosen === option) throw new AppError('ALREADY_CHOSEN', '已是当前采用的理解', 409);
  let next: CampaignDefinition = def;
  for (const [path, v] of Object.entries(o.set)) next = setAtPath(next, path, v ?? undefined);
  next = { ...next, readings: next.readings.map((x) => (x.key === key ? { ...x, chosen: option } : x)) };
  return amendCampaign(ctx, id, { definition: next, note: `改采“${o.label}”（${r.question}）`, version: c.version });
}
