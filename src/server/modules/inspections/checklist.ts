import { checklistFor, validateAnswers } from '../../../contracts/checklists/index.js';
import type { RecordInspectionInput } from '../../../contracts/inspections.js';
import type { Ctx } from '../../core/context.js';
import { invalid } from '../../core/errors.js';
import { currentCampaign } from '../campaigns/public.js';

/**
 * Check a submission's checklist answers against the checklist for the unit's kind (the campaign's,
 * else the bundled default): an answer to an item the checklist lacks, a duplicate or a missing one
 * is refused; every 不符合 must come with a finding for that item. Returns the checklist's key.
 */
export async function checkAnswers(
  ctx: Ctx,
  input: RecordInspectionInput,
  entityKind: string,
  deviceLevel?: '1' | '2' | '3' | null,
): Promise<string | null> {
  if (!input.answers) {
    if (input.findings?.some((f) => f.itemKey))
      throw invalid('问题对应的检查项须有检查结果', [{ path: 'answers', message: '请填写检查表' }]);
    return null;
  }
  const def = input.campaignId ? (await currentCampaign(ctx.db, input.campaignId)).definition : null;
  const checklist = checklistFor(def, entityKind, deviceLevel ?? undefined);
  if (input.checklistKey && input.checklistKey !== checklist.key) {
    throw invalid(`该单位适用的检查表为“${checklist.label}”`, [{ path: 'checklistKey', message: `应为“${checklist.label}”` }]);
  }
  const issues = validateAnswers(checklist, input.answers);
  if (issues.length)
    throw invalid(
      issues[0].message,
      issues.map((i) => ({ path: `answers${i.path ? `.${i.path}` : ''}`, message: i.message })),
    );
  const found = new Set((input.findings ?? []).map((f) => f.itemKey).filter(Boolean));
  const failed = input.answers.filter((a) => a.result === 'fail');
  const missing = failed.find((a) => !found.has(a.itemKey));
  if (missing)
    throw invalid('每个“不符合”项须登记为问题（严重程度、违法类型、依据）', [
      { path: 'findings', message: `检查项 ${missing.itemKey} 不符合，须登记问题` },
    ]);
  const known = new Set(input.answers.map((a) => a.itemKey));
  const stray = (input.findings ?? []).find((f) => f.itemKey && !known.has(f.itemKey));
  if (stray) throw invalid('问题对应的检查项不在检查表中', [{ path: 'findings', message: `检查项 ${stray.itemKey} 不在检查表中` }]);
  return checklist.key;
}
