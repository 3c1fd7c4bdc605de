import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { ConsultationInput, ConsultationView } from '../../../../contracts/risks.js';
import { consultations } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { checkLinks, LEVEL_OF_JURISDICTION, presentConsultations, visibleConsultation, writeItems } from '../consultations.js';
import { holderJurisdiction } from '../queries.js';

/**
 * Record a risk (or case) consultation held by a station, a county or a city (its level follows the
 * holder), with the items discussed, each item's decision, follow-up person and linked records.
 */
export async function createConsultation(ctx: Ctx, input: ConsultationInput): Promise<ConsultationView> {
  if (input.heldOn > shanghaiToday()) throw invalid('会商日期不能晚于今天', [{ path: 'heldOn', message: '不能晚于今天' }]);
  const holder = await holderJurisdiction(ctx.db, ctx.actor, input.jurisdictionId);
  const links = await checkLinks(ctx, holder.path, input.items);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(consultations)
      .values({
        jurisdictionId: holder.id,
        kind: input.kind,
        level: LEVEL_OF_JURISDICTION[holder.level],
        heldOn: input.heldOn,
        host: input.host,
        participants: input.participants ?? [],
        note: input.note || null,
        createdBy: ctx.actor.id,
      })
      .returning();
    await writeItems(tx, row.id, holder.id, holder.path, input.items, links);
    await audit(tx, ctx, {
      action: 'consultation.create',
      entityType: 'consultation',
      entityId: row.id,
      jurisdictionId: holder.id,
      summary: `记录${input.kind === 'case' ? '案件' : '风险'}会商（${holder.name}，${input.heldOn}，${input.items.length}项事项）`,
      after: { ...row, items: input.items },
    });
    return row.id;
  });
  const [view] = await presentConsultations(ctx, [await visibleConsultation(ctx, id)]);
  return view;
}
