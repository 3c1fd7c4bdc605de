import { DRAFT_MAX_CHARS, draftDefinition, type Draft } from '../../../../contracts/draft/index.js';
import { AppError } from '../../../core/errors.js';

/**
 * 起草助手: a proposed definition from the pasted text of a notice, each value with the sentence it
 * came from, for the office to review field by field. Reads nothing and stores nothing.
 */
export function draftCampaignDefinition(text: string): Draft {
  if (text.length > DRAFT_MAX_CHARS)
    throw new AppError('TEXT_TOO_LONG', `粘贴的文字过长（${text.length}字），起草助手最多读取${DRAFT_MAX_CHARS}字`, 413);
  if (!text.trim()) throw new AppError('TEXT_EMPTY', '请粘贴方案文件的文字', 400);
  return draftDefinition(text);
}
