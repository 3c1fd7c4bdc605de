import { shanghaiToday } from '../../../contracts/calendar.js';
import { violationTypesFor } from '../../../contracts/checklists/index.js';
import { fileCaseInput, type FileCaseInput } from '../../../contracts/cases.js';
import type { Tx } from '../../../db/client.js';
import { cases } from '../../../db/schema/index.js';
import { audit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { allocateNumber } from '../../core/documents/index.js';
import { AppError, forbidden, invalid } from '../../core/errors.js';
import { currentCampaign } from '../campaigns/public.js';
import { decisionDue, limitation } from './deadlines.js';
import { entityInArea, issuerOf, type CaseRow } from './queries.js';
import { refreshCaseSummary } from './summary.js';

/** Roles that may handle 普通程序 cases (station inspectors handle 简易程序 only; workflow.ts). */
const ORDINARY_OFFICERS = new Set(['admin', 'enforcement', 'station_head']);

/** The case number (兴市监立〔2026〕N号) of the bureau over the unit's station, in the filing year. */
export async function caseNumber(tx: Tx, jurisdictionId: number, date: string): Promise<string> {
  const issuer = await issuerOf(tx, jurisdictionId);
  if (!issuer) throw new AppError('DOCUMENT_ISSUER_MISSING', '本局尚未设置发文机关代字，无法给案件编号', 409);
  return (await allocateNumber(tx, { orgUnitId: issuer, kind: 'caseFiling', date })).text;
}

/**
 * File a case (立案) inside the caller's transaction, with its audit row: the unit must lie in the
 * caller's area, the violation type in the campaign's (or the default) catalogue, and the conduct
 * within the limitation (行政处罚法 第三十六条) unless a reason is given. 简易程序 is filed at once
 * (numbered, the 90 days start); 普通程序 waits for the head's approval (立案审批). Other modules
 * (clues) file through `public.ts`.
 */
export async function fileCaseIn(tx: Tx, ctx: Ctx, raw: FileCaseInput): Promise<CaseRow> {
  const input = fileCaseInput.parse(raw);
  if (input.procedure === 'ordinary' && !ORDINARY_OFFICERS.has(ctx.actor.role)) throw forbidden('监管所检查员只能办理简易程序案件');
  const today = shanghaiToday();
  const entity = await entityInArea(ctx, tx, input.entityId);
  const definition = input.campaignId ? (await currentCampaign(tx, input.campaignId)).definition : null;
  const vt = violationTypesFor(definition).find((v) => v.key === input.violationType);
  if (!vt) throw invalid('违法类型不在违法违规类型目录中', [{ path: 'violationType', message: '请从违法违规类型目录中选择' }]);
  const discoveredOn = input.discoveredOn ?? today;
  if (discoveredOn > today) throw invalid('发现日期不能晚于今天', [{ path: 'discoveredOn', message: '不能晚于今天' }]);
  if (input.violationDate > discoveredOn)
    throw invalid('违法行为发生日期不能晚于发现日期', [{ path: 'violationDate', message: '不能晚于发现日期' }]);
  const lim = limitation(input.violationDate, discoveredOn, input.healthHarm);
  if (lim.expired && !input.limitationOverride)
    throw new AppError(
      'LIMITATION_EXPIRED',
      `违法行为自${input.violationDate}起${lim.years}年内未被发现，已过追责时效（${lim.expiresOn}，《行政处罚法》第三十六条）；如违法行为有连续或者继续状态，请填写立案理由`,
      422,
      [{ path: 'limitationOverride', message: '请填写超过时效仍立案的理由' }],
    );
  const simple = input.procedure === 'simple';
  const caseNo = simple ? await caseNumber(tx, entity.jurisdictionId, today) : null;
  const orgUnitId = ctx.actor.orgUnitId || (await issuerOf(tx, entity.jurisdictionId));
  if (!orgUnitId) throw new AppError('DOCUMENT_ISSUER_MISSING', '本局尚未设置发文机关代字，无法给案件编号', 409);
  const [row] = await tx
    .insert(cases)
    .values({
      jurisdictionId: entity.jurisdictionId,
      orgUnitId,
      entityId: entity.id,
      campaignId: input.campaignId ?? null,
      procedure: input.procedure,
      status: simple ? 'investigating' : 'proposed',
      caseNo,
      violationType: vt.key,
      violationLabel: vt.label,
      facts: input.facts,
      goodsValue: input.goodsValue,
      illegalIncome: input.illegalIncome,
      violationDate: input.violationDate,
      discoveredOn,
      healthHarm: input.healthHarm,
      limitationOverride: lim.expired ? input.limitationOverride! : null,
      persons: input.persons,
      sourceType: input.source?.type ?? null,
      sourceId: input.source?.id ?? null,
      filedOn: simple ? today : null,
      decisionDue: simple ? decisionDue(today) : null,
      createdBy: ctx.actor.id || null,
    })
    .returning();
  await audit(tx, ctx, {
    action: 'case.file',
    entityType: 'case',
    entityId: row!.id,
    jurisdictionId: row!.jurisdictionId,
    summary: `${simple ? `立案 ${caseNo}` : '提请立案'}：${entity.name}（${vt.label}）`,
    after: row,
  });
  await refreshCaseSummary(tx, [row!.entityId]);
  return row!;
}
