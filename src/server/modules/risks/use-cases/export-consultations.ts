import { sql } from 'drizzle-orm';
import { CONSULTATION_KINDS, CONSULTATION_LEVELS, type ListConsultationsQuery } from '../../../../contracts/risks.js';
import type { Ctx } from '../../../core/context.js';
import { tableWorkbook } from '../../../core/xlsx.js';
import { consultationFilter, presentConsultations, selectConsultations } from '../consultations.js';

/** 会商记录 as Excel: one row per item discussed. */
export async function exportConsultations(ctx: Ctx, q: Omit<ListConsultationsQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const list = await presentConsultations(
    ctx,
    await selectConsultations(ctx.db, consultationFilter(ctx, q), sql`order by c.held_on, c.id limit 10000`),
  );
  return tableWorkbook(
    '会商记录',
    [
      { header: '会商日期', width: 12 },
      { header: '会商类型', width: 10 },
      { header: '层级', width: 8 },
      { header: '召开单位', width: 16 },
      { header: '主持人', width: 10 },
      { header: '参会人员', width: 30 },
      { header: '序号', width: 6 },
      { header: '会商事项', width: 40 },
      { header: '关联记录', width: 30 },
      { header: '会商意见', width: 40 },
      { header: '跟进人', width: 10 },
    ],
    list.flatMap((c) =>
      c.items.map((i, n) => [
        c.heldOn,
        CONSULTATION_KINDS[c.kind],
        CONSULTATION_LEVELS[c.level],
        c.jurisdictionName,
        c.host,
        c.participants.join('、'),
        n + 1,
        i.topic,
        i.links.map((l) => `${l.label}：${l.title}`).join('；'),
        i.decision ?? '',
        i.followUp?.name ?? '',
      ]),
    ),
  );
}
