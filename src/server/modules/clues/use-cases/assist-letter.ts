import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { Ctx } from '../../../core/context.js';
import { renderDocument } from '../../../core/documents/index.js';
import { AppError } from '../../../core/errors.js';
import { bureauNameOf } from '../../org/public.js';
import { getAssist } from './get-assist.js';

/** An outgoing 协查函 as .docx (from the bundled or the bureau's own template). */
export async function assistLetter(ctx: Ctx, id: number): Promise<{ file: Buffer; name: string }> {
  const a = await getAssist(ctx, id);
  if (a.direction !== 'outgoing') throw new AppError('NO_DOCUMENT', '收到的协查函没有本局出具的文书', 404);
  const file = renderDocument('assistLetter', {
    number: a.letterNo ?? '（未编号）',
    bureauName: await bureauNameOf(ctx.db, a.jurisdictionId),
    counterpart: a.counterpart,
    subject: a.subject,
    content: a.content,
    dueDate: a.dueOn,
    issueDate: a.date <= shanghaiToday() ? a.date : shanghaiToday(),
    contactName: a.contactName,
    contactPhone: a.contactPhone,
  });
  return { file, name: `协查函-${a.subject}-${a.date}.docx` };
}
