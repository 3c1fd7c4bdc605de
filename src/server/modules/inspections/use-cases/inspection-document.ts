import { checklistFor } from '../../../../contracts/checklists/index.js';
import { DOCUMENT_KINDS } from '../../../../contracts/documents.js';
import type { Ctx } from '../../../core/context.js';
import { renderDocument } from '../../../core/documents/index.js';
import { AppError } from '../../../core/errors.js';
import { currentCampaign } from '../../campaigns/public.js';
import { documentSources, inspectionRecordData, rectificationOrderData, warningLetterData } from '../documents.js';
import { presentInspection } from '../presenter.js';
import { visibleInspection } from '../queries.js';
import { rows } from '../../../core/sql.js';
import { sql } from 'drizzle-orm';

export const INSPECTION_DOCUMENTS = {
  record: 'inspectionRecord',
  'rectification-order': 'rectificationOrder',
  'warning-letter': 'warningLetter',
} as const;
export type InspectionDocument = keyof typeof INSPECTION_DOCUMENTS;

/**
 * One of an inspection's documents as .docx, filled from the record: 现场检查笔录 (on-site records),
 * 责令改正通知书 (when rectification was ordered), 告诫信 (when a warning letter was issued).
 * Only for signed records: an unsigned draft has no numbers and no signatures yet.
 */
export async function inspectionDocument(ctx: Ctx, id: number, doc: InspectionDocument): Promise<{ file: Buffer; name: string }> {
  await visibleInspection(ctx, id);
  const r = await presentInspection(ctx, ctx.db, id);
  if (r.status !== 'done') throw new AppError('NOT_SIGNED', '检查记录签名齐全后才能生成文书', 409);
  const kind = INSPECTION_DOCUMENTS[doc];
  const s = await documentSources(ctx, ctx.db, r);
  let file: Buffer | null = null;
  if (kind === 'inspectionRecord') {
    if (r.signMode !== 'on_site') throw new AppError('NO_DOCUMENT', '纸质笔录补录的检查没有电子笔录', 404);
    const [e] = await rows<{ kind: string }>(ctx.db, sql`select kind from entities where id = ${r.entityId}`);
    const def = r.campaignId ? (await currentCampaign(ctx.db, r.campaignId)).definition : null;
    const checklist = checklistFor(def, e?.kind ?? '');
    const text = new Map(checklist.sections.flatMap((x) => x.items.map((i) => [i.key, i.text] as const)));
    file = renderDocument('inspectionRecord', inspectionRecordData(r, s, text));
  } else if (kind === 'rectificationOrder') {
    const data = rectificationOrderData(r, s);
    if (data) file = renderDocument('rectificationOrder', data);
  } else {
    const data = warningLetterData(r, s);
    if (data) file = renderDocument('warningLetter', data);
  }
  if (!file) throw new AppError('NO_DOCUMENT', `本次检查没有${DOCUMENT_KINDS[kind].label}`, 404);
  return { file, name: `${DOCUMENT_KINDS[kind].label}-${r.entityName}-${r.date}.docx` };
}
