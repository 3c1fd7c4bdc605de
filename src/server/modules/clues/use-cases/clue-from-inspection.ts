import type { Clue } from '../../../../contracts/clues.js';
import { FINDING_SEVERITIES } from '../../../../contracts/inspections.js';
import type { Ctx } from '../../../core/context.js';
import { AppError, invalid } from '../../../core/errors.js';
import { inspectionForClue } from '../../inspections/public.js';
import { openClue } from '../open-clue.js';
import { getClue } from './get-clue.js';

/**
 * 转为线索 from a signed inspection: one of its findings, or (the measure 转为线索) the inspection
 * as a whole with all its findings. The clue's unit is the inspected unit; one clue per finding.
 */
export async function clueFromInspection(
  ctx: Ctx,
  input: { inspectionId: number; findingId?: number | null; handlerId?: number | null },
): Promise<Clue> {
  const { id } = await ctx.db.transaction(async (tx) => {
    const i = await inspectionForClue(tx, ctx.actor, input.inspectionId);
    if (i.status !== 'done') throw new AppError('ILLEGAL_TRANSITION', '检查记录签名完成后才能转为线索', 409);
    const chosen = input.findingId ? i.findings.filter((f) => f.id === input.findingId) : i.findings;
    if (input.findingId && !chosen.length) throw invalid('该问题不属于这次检查', [{ path: 'findingId', message: '问题不属于这次检查' }]);
    if (!input.findingId && !i.referClue && !i.findings.length)
      throw invalid('这次检查没有发现问题，也没有“转为线索”的处置措施', [{ path: 'findingId', message: '请选择问题' }]);
    const text = chosen.map(
      (f, k) => `${k + 1}．${f.description}（${FINDING_SEVERITIES[f.severity]}）${f.legalBasis ? `，${f.legalBasis}` : ''}`,
    );
    return openClue(tx, ctx, {
      source: { type: 'inspection', id: i.id, detailId: input.findingId ?? null, note: i.recordNo ? `检查笔录 ${i.recordNo}` : null },
      entityId: i.entityId,
      summary: `${i.entityName}：${chosen[0]?.description ?? i.referClueNote ?? '监督检查发现的线索'}`.slice(0, 200),
      description: [`${i.date} 监督检查发现：`, ...text, i.referClueNote && `处置措施（转为线索）：${i.referClueNote}`]
        .filter(Boolean)
        .join('\n'),
      receivedOn: i.date,
      handlerId: input.handlerId,
    });
  });
  return getClue(ctx, id);
}
