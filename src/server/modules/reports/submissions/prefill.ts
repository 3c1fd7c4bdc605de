import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { CampaignDefinition, Obligation } from '../../../../contracts/campaigns.js';
import type { MeasureKey } from '../../../../contracts/measures.js';
import type { SubmissionContent } from '../../../../contracts/submissions.js';
import type { Ctx } from '../../../core/context.js';
import { pointOf } from '../../../core/extensions.js';

/** The figures a 基本情况 paragraph quotes, in order, with how they read. */
const FIGURES: { key: MeasureKey; text: (n: number) => string }[] = [
  { key: 'inspections.units', text: (n) => `检查单位${n}家` },
  { key: 'inspections.visits', text: (n) => `${n}家次` },
  { key: 'risks.found', text: (n) => `发现风险隐患${n}个` },
  { key: 'cases.filed', text: (n) => `立案查处${n}件` },
  { key: 'cases.referred', text: (n) => `移送公安机关${n}件` },
];

/** Sections a paragraph of figures fits (基本情况, …简要情况, 行动成效, 工作进展). */
const FIGURE_SECTION = /基本情况|简要情况|行动成效|工作进展|开展情况/;

/**
 * A narrative draft's first content: the section about the general situation prefilled with the
 * unit's figures from the report measures over its area since the campaign began (the liaison
 * edits it); every other section empty.
 */
export async function prefillSections(
  ctx: Ctx,
  def: CampaignDefinition,
  o: Obligation,
  area: { path: string; name: string },
  until: string | null,
): Promise<SubmissionContent['sections']> {
  const sections = o.form.sections ?? [];
  const target = sections.find((s) => FIGURE_SECTION.test(s.title));
  const out = sections.map((s) => ({ title: s.title, text: '' }));
  if (!target || !def.period) return out;
  const to = until && until < shanghaiToday() ? until : shanghaiToday();
  const from = def.period.from;
  if (to < from) return out;
  const registry = pointOf(ctx.ext, 'measures');
  const parts: string[] = [];
  for (const f of FIGURES) {
    const m = registry.find((x) => x.key === f.key);
    if (!m) continue;
    let n = 0;
    for (const v of (await m.compute(ctx.db, { path: area.path, from, to })).values()) n += v;
    parts.push(f.text(n));
  }
  if (!parts.length) return out;
  const text = `${from}至${to}，${area.name}${parts.join('，')}。`;
  return out.map((s) => (s.title === target.title ? { ...s, text } : s));
}
