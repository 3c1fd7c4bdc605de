import type { CampaignDefinition, Checklist, ViolationType } from '../campaigns.js';
import type { DEVICE_LEVELS } from '../entity-kinds.js';
import type { ChecklistAnswer } from '../inspections.js';
import { DEFAULT_CHECKLISTS, DEFAULT_VIOLATION_TYPES, GENERIC_CHECKLIST } from './defaults.js';

export { DEFAULT_CHECKLISTS, DEFAULT_VIOLATION_TYPES, GENERIC_CHECKLIST };

/**
 * Checklists as data: which checklist the field-inspection form shows for a unit, the violation
 * types findings are classified by, and the check of a filled-in checklist. Pure; shared by server
 * and web.
 */
export type DeviceLevel = keyof typeof DEVICE_LEVELS;

export type ChecklistSource = 'campaign' | 'default' | 'generic';
export const CHECKLIST_SOURCES: Record<ChecklistSource, string> = {
  campaign: '专项行动检查表',
  default: '默认检查表',
  generic: '通用检查表',
};

/**
 * How closely a checklist fits a unit, or -1 when it does not apply: one naming the unit's kind
 * beats one for any kind, and one naming the unit's device level beats one for any level. A
 * checklist limited to device levels never applies to a unit whose level is unknown.
 */
function fit(c: Checklist, kind: string, level: DeviceLevel | undefined): number {
  if (c.kinds && !(c.kinds as readonly string[]).includes(kind)) return -1;
  if (c.deviceLevels && (!level || !c.deviceLevels.includes(level))) return -1;
  return (c.kinds ? 2 : 0) + (c.deviceLevels ? 1 : 0);
}

function best(list: readonly Checklist[], kind: string, level: DeviceLevel | undefined): Checklist | undefined {
  let found: Checklist | undefined;
  let score = -1;
  for (const c of list) {
    const f = fit(c, kind, level);
    if (f > score) [found, score] = [c, f]; // strictly greater: the first of equals wins
  }
  return found;
}

/**
 * The checklist for an inspection of a unit of `kind` (an entity kind code; an unknown one gets the
 * generic checklist): the campaign's best fitting one (see `fit`; among equals the first in the
 * definition), else the bundled default for the kind (device dealers by supervision level), else
 * the generic checklist. `resolveChecklist` also says which of the three it is.
 */
export function checklistFor(
  definition: Pick<CampaignDefinition, 'checklists'> | null,
  kind: string,
  deviceLevel?: DeviceLevel | null,
): Checklist {
  return resolveChecklist(definition, kind, deviceLevel).checklist;
}

export function resolveChecklist(
  definition: Pick<CampaignDefinition, 'checklists'> | null,
  kind: string,
  deviceLevel?: DeviceLevel | null,
): { checklist: Checklist; source: ChecklistSource } {
  const level = deviceLevel ?? undefined;
  const own = definition ? best(definition.checklists, kind, level) : undefined;
  if (own) return { checklist: own, source: 'campaign' };
  const bundled = best(DEFAULT_CHECKLISTS, kind, level);
  if (bundled) return { checklist: bundled, source: 'default' };
  return { checklist: GENERIC_CHECKLIST, source: 'generic' };
}

/** The campaign's violation types, or the bundled default catalogue when it gives none. */
export function violationTypesFor(definition: Pick<CampaignDefinition, 'violationTypes'> | null): readonly ViolationType[] {
  return definition?.violationTypes?.length ? definition.violationTypes : DEFAULT_VIOLATION_TYPES;
}

export const checklistItems = (c: Checklist) => c.sections.flatMap((s) => s.items);

export interface AnswerIssue {
  /** Relative to the answers list: `3.itemKey` for the fourth answer, '' for a missing answer (the list). */
  path: string;
  message: string;
}

/** A filled-in checklist: every item answered exactly once, no answer to an item the checklist lacks. */
export function validateAnswers(checklist: Checklist, answers: readonly Pick<ChecklistAnswer, 'itemKey' | 'result'>[]): AnswerIssue[] {
  const items = new Map(checklistItems(checklist).map((i) => [i.key, i]));
  const issues: AnswerIssue[] = [];
  const seen = new Set<string>();
  answers.forEach((a, n) => {
    const path = `${n}.itemKey`;
    if (!items.has(a.itemKey)) issues.push({ path, message: `检查表“${checklist.label}”中没有检查项“${a.itemKey}”` });
    else if (seen.has(a.itemKey)) issues.push({ path, message: `检查项“${items.get(a.itemKey)!.text}”重复作答` });
    seen.add(a.itemKey);
  });
  for (const [key, item] of items) if (!seen.has(key)) issues.push({ path: '', message: `检查项“${item.text}”未作答` });
  return issues;
}
