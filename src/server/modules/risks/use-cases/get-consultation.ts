import type { ConsultationView } from '../../../../contracts/risks.js';
import type { Ctx } from '../../../core/context.js';
import { presentConsultations, visibleConsultation } from '../consultations.js';

export async function getConsultation(ctx: Ctx, id: number): Promise<ConsultationView> {
  return (await presentConsultations(ctx, [await visibleConsultation(ctx, id)]))[0];
}
