import { INSPECTION_KINDS, type InspectionKind } from '../../../../contracts/inspections.js';
import { citeArticles } from '../../../../contracts/legal-articles.js';
import type { FieldDraft } from '../drafts.js';

/** The ad hoc kinds an inspector may choose (a plan's and a 复查's kind come with the draft). */
export const AD_HOC_KINDS = (Object.keys(INSPECTION_KINDS) as InspectionKind[]).filter((k) => k !== 'plan' && k !== 'recheck');

/** Every item of the draft's checklist, in order, and how many of them have an answer. */
export function checklistProgress(draft: FieldDraft) {
  const items = draft.sheet?.checklist.sections.flatMap((s) => s.items) ?? [];
  return { items, answered: items.filter((i) => draft.values.answers[i.key]?.result).length };
}

/** A person of the draft's pool by id, as the form names them. */
export const poolName = (draft: FieldDraft, id: number) => draft.pool.find((p) => p.id === id)?.name ?? '检查人员';

/**
 * The legal basis a new finding starts from: the item's basis, else its articles cited as a bureau
 * writes them (《药品管理法》第六十九条), not by their keys; a key the table lacks is kept as written.
 */
export function basisOf(it: { articles?: string[] | string; basis?: string }) {
  if (it.basis) return it.basis;
  if (!it.articles) return undefined;
  const keys = Array.isArray(it.articles) ? it.articles : [it.articles];
  return citeArticles(keys) || keys.join('；');
}

export function omit<T>(o: Record<number, T>, k: number): Record<number, T> {
  const { [k]: _, ...rest } = o;
  return rest;
}

/** What every section of the form is given: the draft, a setter of its values, and whether it is locked (queued). */
export interface SectionProps {
  draft: FieldDraft;
  set: (patch: Partial<FieldDraft['values']>) => void;
  locked: boolean;
}
