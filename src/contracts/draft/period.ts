import type { Phase } from '../campaigns.js';
import { dayOf, findDates } from './dates.js';
import type { SourceSpan } from './text.js';

export interface PeriodHit {
  from: string;
  to: string;
  source: SourceSpan;
}
export interface PhaseHit {
  phase: Phase;
  source: SourceSpan;
}

/**
 * The campaign period: “自2018年12月22日开始，至2019年2月28日结束”, “自2023年7月至2024年年底”
 * (a month starts on its first day and ends on its last). The first such sentence wins.
 */
export function readPeriod(ss: SourceSpan[], docYear: number | null): PeriodHit | undefined {
  for (const s of ss) {
    const ds = findDates(s.text, docYear);
    for (let i = 0; i + 1 < ds.length; i++) {
      const pre = s.text.slice(Math.max(0, ds[i].start - 2), ds[i].start);
      const between = s.text.slice(ds[i].end, ds[i + 1].start);
      if (/[自从]/.test(pre) && /^(?:开始|起)?[，,\s]*(?:至|到)$/.test(between))
        return { from: dayOf(ds[i], 'first'), to: dayOf(ds[i + 1], 'last'), source: s };
    }
  }
  return undefined;
}

/** Phases: “(一)动员部署阶段(2018年12月22日—12月23日)，…”, in the order written. */
export function readPhases(ss: SourceSpan[], docYear: number | null): PhaseHit[] {
  const out: PhaseHit[] = [];
  for (const s of ss) {
    const m = /([\u4e00-\u9fa5]{2,12}阶段)\s*[（(]([^（）()]{4,40})[）)]/.exec(s.text);
    if (!m) continue;
    const ds = findDates(m[2], docYear);
    if (ds.length !== 2 || !/^\s*(?:至|到|—|－|-|~|～)+\s*$/.test(m[2].slice(ds[0].end, ds[1].start))) continue;
    const name = m[1].replace(/^[(（]?[一二三四五六七八九十]+[)）]?/, '');
    out.push({ phase: { key: `p${out.length + 1}`, name, from: dayOf(ds[0], 'first'), to: dayOf(ds[1], 'last') }, source: s });
  }
  return out;
}
