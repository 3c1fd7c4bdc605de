import type { FieldDraft } from '../drafts.js';
import { checklistProgress, poolName } from './helpers.js';

/**
 * What keeps a draft from being submitted, in the order the form shows them (the first is the
 * message): the same rules the server checks, said before the phone tries to send.
 * `passwords`: the other inspectors' passwords typed on this phone (kept in memory only).
 */
export function draftProblems(draft: FieldDraft, meId: number | undefined, passwords: Record<number, string>): string[] {
  const v = draft.values;
  const { items, answered } = checklistProgress(draft);
  const out: string[] = [];
  if (new Set(v.inspectorIds).size < 2) out.push('现场检查人员不得少于2人');
  if (v.kind === 'joint' && !v.jointDepartments.length) out.push('联合检查须写明参加的其他部门');
  if (draft.sheet && answered < items.length) out.push(`检查表还有 ${items.length - answered} 项未填写`);
  for (const i of items)
    if (v.answers[i.key]?.result === 'fail' && !v.findings[i.key]?.description?.trim())
      out.push(`“${i.text.slice(0, 12)}…”不符合，请填写问题描述`);
  for (const m of v.measures) {
    if (m.kind === 'rectify' && !m.deadline) out.push('责令限期整改须填写整改期限');
    if (m.kind === 'on_site_penalty' && (m.amount == null || !m.party)) out.push('当场处罚须填写罚款金额和被处罚人类别');
  }
  for (const r of draft.openRectifications) if (!v.rectificationResults[r.id]) out.push('请确定每项整改是销号还是延期');
  if (v.unitSignature?.image && !v.unitSignature.name.trim()) out.push('请填写被检查单位签名人姓名');
  for (const uid of v.inspectorIds) {
    const s = v.inspectorSignatures[uid];
    if (uid === meId || !s) continue;
    if (!passwords[uid]) out.push(`请输入${poolName(draft, uid)}的密码，或选择“在其本人账号签名”`);
    else if (!s.image) out.push(`请${poolName(draft, uid)}签名`);
  }
  return out;
}
